/** Promo codes as shops accept them: letters, digits, - and _ (3–40 characters). */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{2,39}$/;
