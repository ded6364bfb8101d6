import { LEXICON, NEGATIONS, PLACE_ORDER_PHRASES, SECOND_HAND_CONDITIONS, SHIPPING_SPEED } from '../detect/lexicon';

/**
 * The words a report may keep of a control's name: those of every phrase the lexicon knows,
 * in every language it reads, and the plain words of option labels. Any other word (a person's
 * or a street's name, an item's title) becomes "…", so a label that borrows its row's text, or
 * a page that writes an address into a label, gives away nothing. Text in scripts without
 * spaces (Chinese, Japanese) keeps only the lexicon's phrases found in it.
 */
const PLAIN_WORDS = `a an the and or of to for in on at by with without from as is it this that your my me we you
  add added include included including request requested skip leave left use used need needed want please yes
  option options choice choose chosen select selected default save change edit more less only all any each same other
  delivery deliver delivered shipping ship shipped shipment shipments arrive arrives arrival get faster fast fastest slow slower
  day days business week weeks hour hours minute minutes min today tomorrow free standard express
  door front doorstep porch reception neighbour neighbor safe place contactless hand instructions
  bag bags utensils cutlery straws straw napkins condiments chopsticks spoon fork knife sauce packaging package packages
  box boxes container containers reusable recyclable return returns eco green paper receipt invoice pickup pick up
  locker store point station collect collection together fewer items item order orders gift wrap message
  new used refurbished pre-owned second-hand condition schedule scheduled later now asap etc regular normal`;

const NON_LATIN = /[^\p{Script=Latin}\p{M}\s\d\p{P}\p{S}]/u;

const phrases = [
  ...Object.values(LEXICON).flatMap((k) => [...k.affirm, ...(k.decline ?? [])]),
  ...SHIPPING_SPEED.standard, ...SHIPPING_SPEED.express, ...NEGATIONS.before, ...NEGATIONS.after,
  ...PLACE_ORDER_PHRASES, ...SECOND_HAND_CONDITIONS,
];

let known: { words: Set<string>; cjk: string[] } | undefined;

/** Built on first use: only a report needs it. */
function vocabulary(): { words: Set<string>; cjk: string[] } {
  if (known) return known;
  const words = new Set(PLAIN_WORDS.split(/\s+/).filter(Boolean));
  const cjk: string[] = [];
  for (const phrase of phrases) {
    for (const word of phrase.split(/[\s,.;:!?()]+/)) {
      if (!word) continue;
      if (NON_LATIN.test(word)) cjk.push(word);
      else words.add(word);
    }
  }
  // Longest first, so "当日お急ぎ便" is kept whole rather than as "お急ぎ便" and a gap.
  known = { words, cjk: [...new Set(cjk)].sort((a, b) => b.length - a.length) };
  return known;
}

const GAP = '…';
/** A placeholder the scrubber left, a run of letters (with inner apostrophes and hyphens), or anything else. */
const TOKENS = /\[[a-z]+\]|[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*|[^\p{L}\p{M}[]+|\[/gu;

function keepKnown(word: string, v: { words: Set<string>; cjk: string[] }): string {
  const lower = word.normalize('NFKC').toLowerCase();
  if (!NON_LATIN.test(lower)) return v.words.has(lower) ? word : GAP;
  let out = '';
  let rest = lower;
  while (rest) {
    const phrase = v.cjk.find((p) => rest.startsWith(p));
    if (phrase) {
      out += phrase;
      rest = rest.slice(phrase.length);
    } else {
      if (!out.endsWith(GAP)) out += GAP;
      rest = rest.slice(1);
    }
  }
  return out;
}

/** The text with every word outside the vocabulary replaced by "…" (a run of them by one). */
export function knownWordsOnly(text: string): string {
  const v = vocabulary();
  const parts = text.match(TOKENS) ?? [];
  const out = parts.map((t) => (t.startsWith('[') || !/[\p{L}]/u.test(t) ? t : keepKnown(t, v))).join('');
  return out.replace(/…(?:[\s,.;:·\-–—]*…)+/g, GAP);
}
