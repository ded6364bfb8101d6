/**
 * Numbers and dates in the user's locale. Building an Intl formatter costs far more than using
 * one (the popup formats a hundred figures as it opens), so each locale and style is built once.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}

/** A number formatter for `locale` and `options`, built once. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached(`number|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

/** A date formatter for `locale` and `options`, built once. */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(`date|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

/** The plural category of `count` in `locale` ('one', 'other'…). */
export function pluralOf(count: number, locale: string): Intl.LDMLPluralRule {
  return cached(`plural|${locale}`, () => new Intl.PluralRules(locale)).select(count);
}

/** "15 g" or "1.8 kg" of CO2e, in the user's locale. */
export function formatGrams(grams: number, locale: string): string {
  if (Math.abs(grams) >= 1000) return numberFormat(locale, { style: 'unit', unit: 'kilogram', maximumFractionDigits: 1 }).format(grams / 1000);
  return numberFormat(locale, { style: 'unit', unit: 'gram', maximumFractionDigits: 0 }).format(grams);
}

export function formatNumber(n: number, locale: string): string {
  return numberFormat(locale).format(n);
}

export function formatDate(time: number, locale: string): string {
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}

/** A day without the time ("Nov 29, 2026"). */
export function formatDay(time: number, locale: string): string {
  return dateFormat(locale, { dateStyle: 'medium' }).format(time);
}
