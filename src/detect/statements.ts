/**
 * What a checkout states in short lines of text rather than in a control: summary rows (a short
 * label naming a choice's topic, and its value: "餐具份数 | 无需餐具", "Delivery: Leave at door")
 * and item conditions ("Condition: Used - Good", "中古品"). One pass over the page's text nodes,
 * reading only the lengths of long ones; a short node is looked at closely only when one
 * pattern of the few words wanted finds one in it.
 */
import type { ChoiceKind, Observation } from '../core/kinds';
import { isShown, textOf } from './dom';
import {
  categoryOf,
  CONDITION_LABELS,
  hasLetter,
  matchNormalized,
  triggerFor,
  NONE_MEANS_CHOSEN,
  NONE_VALUES,
  normalize,
  TOPICS,
  USED_CONDITIONS,
  USED_GRADES,
  type SecondHandCategory,
} from './lexicon';

/** Longer text nodes are sentences or scripts, not a label, a value or a condition. */
const MAX_LINE = 80;
const MAX_LABEL = 24;
const MAX_VALUE = 40;
/** A value holding more elements than this is a list of options (an open picker), not a statement. */
const MAX_VALUE_ELEMENTS = 4;
/** An item's text, for its product category, is read in blocks around its condition up to this size. */
const MAX_ITEM = 600;
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'OPTION', 'TITLE']);
/** Choice controls: a row holding one is read by the control reader, which knows what is selected. */
const CONTROLS = 'input[type=radio], input[type=checkbox], select, [role=radio], [role=checkbox], [role=switch], [role=option]';
const SEPARATOR = /[:：|｜]/;
const holdsControls = (el: Element) => el.matches(CONTROLS) || el.querySelector(CONTROLS) !== null;

export interface StatementOptions {
  /** the kinds still to look for; 'second-hand' asks for item conditions */
  kinds: readonly ChoiceKind[];
  hiddenClasses?: readonly string[];
}

const escaped = (phrase: string) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const latin = (word: string) => /^[a-zà-ÿ]/.test(word);
/** Latin words whole (plurals too), other scripts anywhere. */
const wordsPattern = (words: readonly string[], flags = '') =>
  new RegExp(words.map((w) => (latin(w) ? `(?<![a-zà-ÿ])${escaped(w)}(?:e?s)?(?![a-zà-ÿ])` : escaped(w))).join('|'), flags);

interface Wanted {
  /** any word that makes a text node worth a close look (case-insensitive, on raw text) */
  gate: RegExp;
  topics: [ChoiceKind, RegExp][];
  conditions: boolean;
  /** every phrase of the kinds wanted: a text in which none occurs affirms none of them */
  trigger: RegExp;
}

const wantedFor = new Map<string, Wanted | null>();

function wanted(kinds: readonly ChoiceKind[]): Wanted | null {
  const key = kinds.join();
  if (wantedFor.has(key)) return wantedFor.get(key)!;
  const topics = kinds.flatMap((k): [ChoiceKind, RegExp][] => (TOPICS[k] ? [[k, wordsPattern(TOPICS[k]!)]] : []));
  const conditions = kinds.includes('second-hand');
  const words = [...topics.flatMap(([k]) => TOPICS[k]!), ...(conditions ? [...CONDITION_LABELS, ...USED_CONDITIONS] : [])];
  const gate = new RegExp([...new Set(words)].map(escaped).join('|'), 'i');
  const result = words.length ? { gate, topics, conditions, trigger: triggerFor(kinds) } : null;
  wantedFor.set(key, result);
  return result;
}

/** Kinds a summary row states, and a second-hand item if asked: one observation per kind. */
export function readStatements(doc: Document, options: StatementOptions): Observation[] {
  const want = wanted(options.kinds);
  const body = doc.body;
  if (!want || !body) return [];
  const found = new Map<ChoiceKind, Observation>();
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node as Text).length > MAX_LINE) continue;
    const raw = (node as Text).data;
    if (!want.gate.test(raw)) continue;
    const el = node.parentElement;
    if (!el || NOT_TEXT.has(el.tagName)) continue;
    const line = normalize(raw);
    if (want.conditions && !found.has('second-hand') && usedCondition(line) && isShown(el, options.hiddenClasses)) {
      found.set('second-hand', { kind: 'second-hand', detail: itemCategory(el) });
      continue;
    }
    for (const kind of summaryRow(node as Text, line, want, options)) if (!found.has(kind)) found.set(kind, { kind });
  }
  return [...found.values()];
}

/** A condition line: "Used - Good", "Condition: Used – Acceptable", "中古品", "Zustand: Sehr gut". */
function usedCondition(line: string): boolean {
  let rest = line;
  const label = CONDITION_LABELS.find((l) => line.startsWith(l) && !/[a-zà-ÿ]/.test(line.charAt(l.length)));
  if (label) {
    rest = line.slice(label.length).replace(/^\s*[:：]?\s*/, '');
    if (USED_GRADES.some((g) => rest === g || (rest.startsWith(g) && /^\s*[-–—(（,，]/.test(rest.slice(g.length))))) return true;
  }
  return USED_CONDITIONS.some((c) => rest.startsWith(c) && conditionEnds(rest.slice(c.length)));
}

/** What may follow a condition word: nothing, a separator and a grade ("Used - Good"), or a grade. */
function conditionEnds(after: string): boolean {
  if (!after || /^\s*[-–—:：(（/|·・,，]/.test(after)) return true;
  const grade = after.trimStart();
  return grade !== after && USED_GRADES.some((g) => grade.startsWith(g));
}

/**
 * The product category of the item a condition line belongs to: the nearest block around the
 * line, of modest size, whose text names one (the item's title sits beside its condition).
 */
function itemCategory(el: Element): SecondHandCategory {
  for (let block: Element | null = el, depth = 0; block && depth < 6; block = block.parentElement, depth++) {
    const text = textOf(block);
    if (text.length > MAX_ITEM) break;
    const category = categoryOf(text);
    if (category !== 'other') return category;
  }
  return 'other';
}

/**
 * The kinds a summary row states. Its label is a text node that is all of its element
 * ("<span>餐具份数</span>") or that ends at a separator ("Utensils:"); its value follows the
 * separator, or is the next element beside the label (past wrappers that hold the label alone).
 * A row holding choice controls is left to the control reader, which knows what is selected.
 */
function summaryRow(node: Text, line: string, want: Wanted, options: StatementOptions): ChoiceKind[] {
  const cut = line.search(SEPARATOR);
  const el = node.parentElement!;
  if (cut < 0 && el.childNodes.length !== 1) return [];
  const label = (cut >= 0 ? line.slice(0, cut) : line).trim();
  if (!label || label.length > MAX_LABEL) return [];
  const kinds = want.topics.filter(([, topic]) => topic.test(label)).map(([kind]) => kind);
  // A label names a topic; a line that itself affirms a choice ("无需餐具") is a statement or an option.
  if (!kinds.length || (want.trigger.test(label) && matchNormalized(label, kinds)?.polarity === 'affirm')) return [];
  let value = cut >= 0 ? line.slice(cut + 1).trim() : '';
  let row: Element | null = el;
  let beside: Element | null = null;
  if (!value) {
    beside = cut >= 0 ? node.nextElementSibling : null;
    if (!beside) {
      let from: Element = el;
      while (!from.nextElementSibling && from.parentElement && from.parentElement.childElementCount === 1) from = from.parentElement;
      beside = from.nextElementSibling;
      row = from.parentElement;
    }
    if (!beside || beside.getElementsByTagName('*').length > MAX_VALUE_ELEMENTS) return [];
    value = normalize(textOf(beside));
  }
  const stated = value.length <= MAX_VALUE ? statedKinds(value, kinds, want.trigger) : [];
  if (!stated.length || (row && holdsControls(row))) return [];
  // Visibility last: it is the costly question, asked only of a row that states a choice.
  const shown = isShown(el, options.hiddenClasses) && (!beside || isShown(beside, options.hiddenClasses));
  return shown ? stated : [];
}

/** The kinds a value affirms among its label's topics, or "none" where that is the choice. */
function statedKinds(value: string, kinds: ChoiceKind[], trigger: RegExp): ChoiceKind[] {
  const match = hasLetter(value) && trigger.test(value) ? matchNormalized(value, kinds) : null;
  if (match?.polarity === 'affirm') return [match.kind];
  return NONE_VALUES.includes(value.replace(/[.。!！]+$/, '')) ? kinds.filter((k) => NONE_MEANS_CHOSEN.includes(k)) : [];
}
