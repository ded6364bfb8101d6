import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readingReport } from '../../src/report/collect';
import { parseReport } from '../../src/report/format';
import { languageTag, scrubName, scrubPath, scrubText } from '../../src/report/scrub';
import { FIXTURES, htmlPage } from '../helpers/page';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CASES } from './platform-cases';

describe('scrubText', () => {
  it.each([
    ['Contact anna.k+shop@example.co.uk now', 'Contact [email] now'],
    ['Card 4111 1111 1111 1111 on file', 'Card [card] on file'],
    ['Call +1 (415) 555-2671', 'Call [number]'],
    ['Order 123-1234567-1234567', 'Order [number]'],
    ['Order m12345678901', 'Order [id]'],
    ['Standard Shipping $4.99 (5-7 business days)', 'Standard Shipping [price] ([n]-[n] business days)'],
    ['標準配送 ¥500 3日', '標準配送 [price] [id]'],
    ['Lieferung 4,99 € ab 12.03.', 'Lieferung [price] ab [n].[n].'],
    ['Visit https://shop.example/track?id=9 today', 'Visit [link] today'],
    ['无需餐具', '无需餐具'],
  ])('%s → %s', (input, output) => {
    expect(scrubText(input)).toBe(output);
  });

  it('cuts long names', () => {
    expect(scrubText('word '.repeat(100))).toHaveLength(120);
  });

  it('leaves no digit, no @ and no control character in any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(scrubText(text)).not.toMatch(/[\p{Nd}@\p{Cc}]/u);
        expect(scrubName(text)).not.toMatch(/[\p{Nd}@\p{Cc}]/u);
      }),
      { numRuns: 500 },
    );
  });
});

describe('scrubPath and languageTag', () => {
  it('keeps plain words, drops ids', () => {
    expect(scrubPath('/gp/buy/spc/handlers/display.html')).toBe('/gp/buy/spc/handlers/display.html');
    expect(scrubPath('/orders/3f2a9c1e-7d4b-4e8a-9b61-2c5d8e0f1a77/status')).toBe('/orders/:id/status');
    expect(scrubPath('/us/purchase/m12345678901')).toBe('/us/purchase/:id');
    expect(scrubPath('/u/anna%40example.com/')).toBe('/u/:id/');
  });
  it('keeps a language tag, nothing else', () => {
    expect(languageTag(' zh-CN ')).toBe('zh-CN');
    expect(languageTag('Anna Smith')).toBe('');
    expect(languageTag(null)).toBe('');
  });
});

// Personal data of the kinds a checkout shows, in the formats of every supported platform.
const NAMES = ['Annika Brennan', 'Oluwaseun Okonkwo', 'Haruto Takahashi', '欧阳明轩', '高橋陽翔', 'Émilie Dubreuil'];
const STREETS = ['Larkspur Lane', 'Quillfeather Road', 'Marigold Crescent', '望京街道', '世田谷区桜丘', 'Rue des Lilas'];
const CITIES = ['Bexleyheath', 'Springvale', '朝阳区', '横浜市', 'Villeurbanne'];
const ITEMS = ['Ultrasoft Bamboo Pillowcase', 'Organic Matcha Powder', 'Vintage Leica Lens Cap', '手工竹编收纳篮', '有田焼の茶碗'];
const ORDER_NUMBERS = fc.oneof(
  fc.stringMatching(/^\d{3}-\d{7}-\d{7}$/), // Amazon
  fc.stringMatching(/^\d{2}-\d{5}-\d{5}$/), // eBay
  fc.stringMatching(/^\d{6}-\d{8}-\d{6,10}$/), // Rakuten
  fc.stringMatching(/^\d{9,19}$/), // JD, Taobao, Tmall, Ele.me, Meituan, Xianyu, Instacart, Vinted, Deliveroo, Back Market
  fc.uuid(), // Uber Eats, DoorDash
  fc.stringMatching(/^m\d{11}$/), // Mercari
  fc.stringMatching(/^\d{4}-\d{4}-\d{4}$/), // Demae-can
  fc.stringMatching(/^LP\d{14}$/), // Cainiao
);
const PHONES = fc.oneof(
  fc.stringMatching(/^\+1 \(\d{3}\) \d{3}-\d{4}$/),
  fc.stringMatching(/^0\d0-\d{4}-\d{4}$/),
  fc.stringMatching(/^\+86 1\d{2} \d{4} \d{4}$/),
  fc.stringMatching(/^0\d{2,3} \d{4} \d{4}$/),
);
const CARDS = fc.oneof(fc.stringMatching(/^4\d{3} \d{4} \d{4} \d{4}$/), fc.stringMatching(/^5\d{3}-\d{4}-\d{4}-\d{4}$/), fc.stringMatching(/^3[47]\d{13}$/));
const PRICES = fc.oneof(fc.stringMatching(/^\$\d{1,3}\.\d{2}$/), fc.stringMatching(/^¥\d{2,5}$/), fc.stringMatching(/^\d{1,3},\d{2} €$/));
const EMAILS = fc.emailAddress();

const PERSON = fc.record({
  name: fc.constantFrom(...NAMES),
  street: fc.constantFrom(...STREETS),
  city: fc.constantFrom(...CITIES),
  item: fc.constantFrom(...ITEMS),
  order: ORDER_NUMBERS,
  phone: PHONES,
  card: CARDS,
  price: PRICES,
  email: EMAILS,
  house: fc.integer({ min: 1, max: 9999 }),
});
type Person = typeof PERSON extends fc.Arbitrary<infer T> ? T : never;

const CHECKOUTS = CASES.filter((c) => c.expected.page === 'checkout');

/** Plants the person's data everywhere a checkout shows it: text, fields, address and card pickers, control labels, attributes, cookies. */
function plant(doc: Document, p: Person, spots: number[]): void {
  const address = `${p.name}, ${p.house} ${p.street}, ${p.city}`;
  const add = (html: string, at: number) => {
    const all = doc.body.querySelectorAll('*');
    const parent = all.length ? all[at % all.length] : doc.body;
    const holder = doc.createElement('div');
    holder.innerHTML = html;
    (parent.tagName === 'SELECT' || parent.tagName === 'INPUT' ? doc.body : parent).append(holder);
  };
  const blocks = [
    `<p>Deliver to ${address}. Phone ${p.phone}. E-mail ${p.email}.</p>`,
    `<h2>Order ${p.order}</h2><span class="order-number">${p.order}</span>`,
    `<div class="item">${p.item} <span>${p.price}</span></div>`,
    `<input type="text" name="fullName" value="${p.name}"><input type="email" value="${p.email}"><input type="tel" value="${p.phone}"><input type="hidden" name="cc" value="${p.card}"><textarea>${address}</textarea>`,
    `<fieldset><legend>Ship to</legend><label><input type="radio" name="address" checked> ${address}</label><label><input type="radio" name="address"> ${p.name}, ${p.city}</label></fieldset>`,
    `<div role="radiogroup" aria-label="Payment"><div role="radio" aria-checked="true">Visa ${p.card} ${p.name}</div></div>`,
    `<select name="savedAddress"><option selected>${address}</option><option>${p.city}</option></select>`,
    `<label><input type="checkbox" name="no_cutlery_${p.order}" data-testid="utensils-${p.order}" checked> No cutlery for order ${p.order}, ${p.email}, ${p.phone}, card ${p.card}, ${p.price}</label>`,
    `<div><input type="checkbox" name="no-plastic-bag"><span>No plastic bag — saves ${p.price}, call ${p.phone}</span></div>`,
    `<label><input type="checkbox" checked> Text me at ${p.phone} or ${p.email} about order ${p.order}</label>`,
  ];
  blocks.forEach((html, i) => add(html, spots[i] ?? 0));
  doc.title = `${p.name} – ${p.item}`;
  doc.cookie = `session=${p.order}`;
}

/** The planted data a report must not hold: each value whole, each word of names, places and items, every digit. */
function secrets(p: Person): string[] {
  const words = [p.name, p.street, p.city, p.item].flatMap((s) => (/\s/.test(s) ? s.split(/\s+/) : [s])).filter((w) => w.length >= 4);
  return [p.name, p.street, p.city, p.item, p.order, p.phone, p.card, p.price, p.email, ...words];
}

describe('a reading report of a page full of personal data', () => {
  it('holds none of it (generated pages on every platform)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CHECKOUTS), PERSON, fc.array(fc.nat(), { minLength: 10, maxLength: 10 }), fc.webQueryParameters(), (c, person, spots, query) => {
        const html = readFileSync(resolve(FIXTURES, c.file), 'utf8');
        const at = new URL(c.url);
        at.search = `${query}&email=${encodeURIComponent(person.email)}&name=${encodeURIComponent(person.name)}`;
        at.hash = person.order;
        const { url, doc } = htmlPage(html, at.href);
        plant(doc, person, spots);
        const report = readingReport(url, doc)!;
        const text = JSON.stringify(report);
        for (const secret of secrets(person)) expect(text, secret).not.toContain(secret);
        for (const c of report.controls) expect(`${c.name} ${c.hints} ${c.groupLabel ?? ''}`).not.toMatch(/[\p{Nd}@]/u);
        expect(report.url.path).toBe(new URL(c.url).pathname.replace(/[^/]*\d[^/]*/g, ':id'));
        expect(parseReport(report).ok).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('still lists the planted choice controls, scrubbed', () => {
    const person: Person = {
      name: 'Annika Brennan', street: 'Larkspur Lane', city: 'Bexleyheath', item: 'Organic Matcha Powder',
      order: '123-1234567-1234567', phone: '+1 (415) 555-2671', card: '4111 1111 1111 1111', price: '$4.99', email: 'annika@example.com', house: 12,
    };
    const { url, doc } = htmlPage('<html lang="en"><body><main></main><button>Place order</button></body></html>', 'https://greenbowl.example/checkout');
    plant(doc, person, []);
    const report = readingReport(url, doc)!;
    expect(report.platform).toBe('custom:greenbowl.example');
    expect(report.controls.map((c) => c.name)).toEqual([
      'No cutlery for order [number], [email], [number], … [card], [price]',
      'No plastic bag — … [price] … [number]',
      '… me at [number] or [email] … order [number]',
    ]);
    expect(report.controls[0]).toMatchObject({ role: 'checkbox', hints: '[id] [id]', selected: true, shown: true, counted: 'no-cutlery' });
  });
});
