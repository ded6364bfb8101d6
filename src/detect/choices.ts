import type { ChoiceKind, Observation } from '../core/kinds';
import { accessibleName, controlName, isSelected, isShown, selectableControls, textOf } from './dom';
import {
  categoryOf,
  hasLetter,
  LEXICON,
  matchNormalized,
  mentions,
  normalize,
  SECOND_HAND_CONDITIONS,
  SHIPPING_SPEED,
  triggerFor,
} from './lexicon';
import { statesOrderPlaced } from './place-order';

const BINARY_ROLES = new Set(['switch', 'checkbox']);

/** A yes/no control: a checkbox, a switch, or a toggle button (aria-pressed, with or without a role). */
function isBinary(el: Element): boolean {
  if (el.tagName === 'INPUT') return (el as HTMLInputElement).type === 'checkbox' || BINARY_ROLES.has(el.getAttribute('role') ?? '');
  if (el.tagName === 'OPTION') return false;
  return BINARY_ROLES.has(el.getAttribute('role') ?? '') || el.hasAttribute('aria-pressed');
}

export interface ReadOptions {
  kinds: readonly ChoiceKind[];
  /** classes the site uses to hide rows (known from real markup) */
  hiddenClasses?: readonly string[];
  root?: Document | Element;
}

const nameOf = (el: Element) => normalize(controlName(el));

/** Longest option wording kept: a label, not a paragraph. */
export const LABEL_MAX = 160;

/**
 * A choice read from `el`, with the option's words as shown and whether the page served it in
 * that state (a native input's HTML default; other controls cannot tell, so they say nothing).
 */
function observed(kind: ChoiceKind, el: Element, selected: boolean): Observation {
  // Computed again only for the few controls that are choices: the name, without attribute hints.
  const label = accessibleName(el).replace(/\s+/g, ' ').trim().slice(0, LABEL_MAX);
  const input = el.tagName === 'INPUT' ? (el as HTMLInputElement) : undefined;
  return { kind, ...(label ? { label } : {}), ...(input ? { wasDefault: input.defaultChecked === selected } : {}) };
}

/** The other choices in a control's group: same-named radios, a radiogroup/listbox/tablist, a select. */
function groupSiblings(el: Element): Element[] {
  if (el.tagName === 'OPTION') return Array.from(el.closest('select')?.options ?? []);
  const name = el.tagName === 'INPUT' ? el.getAttribute('name') : null;
  if (name) {
    const form = (el as HTMLInputElement).form;
    return Array.from(el.ownerDocument.getElementsByName(name)).filter(
      (r) => r.tagName === 'INPUT' && (r as HTMLInputElement).type === 'radio' && (r as HTMLInputElement).form === form,
    );
  }
  const group = el.closest('[role=radiogroup], [role=listbox], [role=tablist]');
  return group ? Array.from(group.querySelectorAll('[role=radio], [role=option], [role=tab]')) : [];
}

/** How fast a delivery option's name says it is: 0 economy, 1 standard, 2 express; -1 for no-rush. */
function speedOf(name: string): number | undefined {
  if (mentions(name, LEXICON['slow-shipping'].affirm)) return -1;
  if (mentions(name, SHIPPING_SPEED.express)) return 2;
  if (mentions(name, SHIPPING_SPEED.economy)) return 0;
  if (mentions(name, SHIPPING_SPEED.standard)) return 1;
  return undefined;
}

/** A selected speed counts as slow shipping only when a faster one was on offer in its group. */
function slowerThanOffered(el: Element, name: string, hiddenClasses?: readonly string[]): boolean {
  const speed = speedOf(name);
  if (speed === undefined || speed >= 2) return false;
  return groupSiblings(el).some((other) => {
    if (other === el) return false;
    const faster = speedOf(nameOf(other));
    return faster !== undefined && faster > speed && isShown(other, hiddenClasses);
  });
}

/**
 * The low-carbon choices selected on a page: visible controls whose name affirms a kind and
 * are selected, or yes/no controls whose name declines it and are not selected.
 * One observation per kind.
 */
export function readChoices(doc: Document, options: ReadOptions): Observation[] {
  const found = new Map<ChoiceKind, Observation>();
  const wantsSpeed = options.kinds.includes('slow-shipping');
  const mayMatch = triggerFor(options.kinds);
  for (const el of selectableControls(options.root ?? doc)) {
    // A choice is a selected control or a yes/no control left off. An unselected radio, tab or
    // <option> is neither, so it is not even named (the options of a long <select> are most of
    // a checkout's controls).
    const selected = isSelected(el);
    const binary = isBinary(el);
    if (!selected && !binary) continue;
    const raw = controlName(el);
    if (!hasLetter(raw)) continue;
    const name = normalize(raw);
    // Most controls on a page name nothing the lexicon knows: one pass over the name rules them out.
    if (!mayMatch.test(name)) continue;
    const match = matchNormalized(name, options.kinds);
    if (match && !found.has(match.kind)) {
      const chosen = match.polarity === 'affirm' ? selected : !selected && binary;
      if (chosen && isShown(el, options.hiddenClasses)) found.set(match.kind, observed(match.kind, el, selected));
      continue;
    }
    if (!match && wantsSpeed && !found.has('slow-shipping') && !binary && selected) {
      if (slowerThanOffered(el, name, options.hiddenClasses) && isShown(el, options.hiddenClasses)) {
        found.set('slow-shipping', observed('slow-shipping', el, selected));
      }
    }
  }
  return [...found.values()];
}

/**
 * Choices a site states in a summary rather than a control (JD's invoice line reads
 * "电子普通发票" once chosen). Only the few elements the platform names are read, and only
 * phrases that affirm a kind count.
 */
export function readStatedChoices(doc: Document, selectors: string, options: ReadOptions): Observation[] {
  const found = new Map<ChoiceKind, Observation>();
  for (const el of Array.from((options.root ?? doc).querySelectorAll(selectors))) {
    const text = normalize(textOf(el));
    for (const kind of options.kinds) {
      if (kind === 'second-hand' || found.has(kind)) continue;
      if (mentions(text, LEXICON[kind].affirm) && isShown(el, options.hiddenClasses)) found.set(kind, { kind });
    }
  }
  return [...found.values()];
}

export interface ItemOptions {
  /** the elements that name the items being bought (title, or a card holding title and condition) */
  items: string;
  /** true where everything sold is used or refurbished; else the item's text must say so */
  alwaysUsed?: boolean;
  hiddenClasses?: readonly string[];
}

/** A second-hand purchase among the items a platform names, with its product category; null when none. */
export function readSecondHand(doc: Document, options: ItemOptions): Observation | null {
  for (const item of Array.from(doc.querySelectorAll(options.items))) {
    const text = textOf(item);
    if (!text || !isShown(item, options.hiddenClasses)) continue;
    if (!options.alwaysUsed && !mentions(normalize(text), SECOND_HAND_CONDITIONS)) continue;
    return { kind: 'second-hand', detail: categoryOf(text) };
  }
  return null;
}

/**
 * True when a page heading (h1, h2) or the title says the order went through. Headings come
 * from the browser's tag lists rather than a selector scan: this runs on every checkout read.
 */
export function saysOrderPlaced(doc: Document): boolean {
  const headings = [...Array.from(doc.getElementsByTagName('h1')), ...Array.from(doc.getElementsByTagName('h2'))];
  const texts = headings.map((h) => h.textContent ?? '');
  texts.push(doc.title);
  return texts.some(statesOrderPlaced);
}
