/** The personal data planted in ubereats/checkout-personal-data.html: a reading report of it holds none of it. */
export const PLANTED = [
  'Annika', 'Brennan', 'Larkspur', 'Bexleyheath', 'DA7', '4QJ', 'Quillfeather', 'Springvale', '7946', '0958', 'annika.brennan', 'example.co.uk',
  '4821', 'Truffle', 'Risotto', 'Saffron', 'Quince', 'UE-7Q4K9-2281', '123-1234567', '4111', '09/29', '2.99', '14.50', '23.50', 'session',
];

export const PERSONAL_DATA_PAGE = 'ubereats/checkout-personal-data.html';
export const PERSONAL_DATA_NOTE = 'No cutlery chosen, nothing was counted';
