import { knownWordsOnly } from './vocabulary';

/**
 * What a reading report may carry of a page's text: a control's name with everything that could
 * point at a person or an order replaced by a placeholder. The last rule leaves no digit at all,
 * so no number of any format (card, phone, order, postcode, price) survives, whatever the rules
 * before it recognise; they only choose a more telling placeholder.
 */
const RULES: readonly (readonly [RegExp, string])[] = [
  [/[^\s@<>()[\],;:"]*@[^\s@<>()[\],;:"]*/gu, '[email]'],
  [/(?:https?:\/\/|www\.)\S+/giu, '[link]'],
  [/(?:US\$|[A-Z]{0,2}\$|[€£¥￥₩₹]|EUR|USD|GBP|JPY|CNY|RMB)\s?\p{Nd}[\p{Nd},.']*|\p{Nd}[\p{Nd},.']*\s?(?:€|元|円|EUR|USD|GBP|JPY|CNY|RMB)/gu, '[price]'],
  [/(?<!\p{Nd})(?:\p{Nd}{4}(?:[ -]?\p{Nd}{4}){3}\p{Nd}{0,3}|\p{Nd}{4}[ -]?\p{Nd}{6}[ -]?\p{Nd}{5}|\p{Nd}{13,19})(?!\p{Nd})/gu, '[card]'],
  // a token mixing letters and digits is an id (an order, an item, a session, a postcode)
  [/[\p{L}\p{N}_-]*(?:\p{L}[\p{L}_-]*\p{Nd}|\p{Nd}[\p{Nd}_-]*\p{L})[\p{L}\p{N}_-]*/gu, '[id]'],
  [/\+?\(?\p{Nd}(?:[\p{Nd} ()./-]*\p{Nd}){5,}/gu, '[number]'],
  [/\p{Nd}+/gu, '[n]'],
];

/** Longest name a report keeps; a real control's name is a few words. */
export const MAX_REPORTED_NAME = 120;

/** Text with placeholders for anything id-like or personal that has a shape (numbers, e-mails, links), cut short. */
export function scrubText(text: string, max = MAX_REPORTED_NAME): string {
  let out = text.replace(/\s+/g, ' ').replace(/\p{Cc}/gu, '').trim();
  for (const [pattern, placeholder] of RULES) out = out.replace(pattern, placeholder);
  return out.length > max ? `${out.slice(0, max - 1).trimEnd()}…` : out;
}

/**
 * A control's name fit for a report: scrubbed, then only the words a checkout's options are
 * made of (src/report/vocabulary.ts); names, streets and item titles have no shape to catch.
 */
export function scrubName(text: string, max = MAX_REPORTED_NAME): string {
  return scrubText(knownWordsOnly(scrubText(text, 4 * max)), max);
}

/** A path segment a report keeps as it is: a plain word ("checkout", "display.html"). */
const PLAIN_SEGMENT = /^[A-Za-z][A-Za-z._~-]{0,39}$/;

/** Marks a path segment the report left out (an id, a name, anything not a plain word). */
export const ID_SEGMENT = ':id';

/** The path without its query, fragment or any segment that is not a plain word. */
export function scrubPath(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => (segment === '' || PLAIN_SEGMENT.test(segment) ? segment : ID_SEGMENT))
    .join('/');
}

/** A page's declared language, or '' when it declares none or something that is not a language tag. */
export function languageTag(lang: string | null | undefined): string {
  const tag = (lang ?? '').trim();
  return /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$/.test(tag) ? tag : '';
}
