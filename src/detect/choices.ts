import type { ChoiceKind, Observation } from '../platforms/types';
import { accessibleName, attributeHints, isSelected, isShown, selectableControls } from './dom';
import { matchPhrase, normalize, ORDER_PLACED_PHRASES } from './lexicon';

const BINARY_ROLES = new Set(['switch', 'checkbox']);

function isBinary(el: Element): boolean {
  const role = el.getAttribute('role');
  if (role) return BINARY_ROLES.has(role) || el.hasAttribute('aria-pressed');
  return el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'checkbox';
}

export interface ReadOptions {
  kinds: readonly ChoiceKind[];
  /** a class the site uses to hide rows (known from real markup) */
  hiddenClass?: string;
  root?: ParentNode;
}

/**
 * The low-carbon choices selected on a page: visible controls whose name affirms a kind and
 * are selected, or yes/no controls whose name declines it and are not selected.
 * One observation per kind.
 */
export function readChoices(doc: Document, options: ReadOptions): Observation[] {
  const found = new Map<ChoiceKind, Observation>();
  for (const el of selectableControls(options.root ?? doc)) {
    const match = matchPhrase(`${accessibleName(el)} ${attributeHints(el)}`, options.kinds);
    if (!match || found.has(match.kind)) continue;
    if (!isShown(el, options.hiddenClass)) continue;
    const selected = isSelected(el);
    const chosen = match.polarity === 'affirm' ? selected : !selected && isBinary(el);
    if (chosen) found.set(match.kind, { kind: match.kind });
  }
  return [...found.values()];
}

/** True when a page heading (or the title) says the order went through. */
export function saysOrderPlaced(doc: Document): boolean {
  const headings = Array.from(doc.querySelectorAll('h1, h2, [role=heading]'), (h) => h.textContent ?? '');
  headings.push(doc.title);
  return headings.some((h) => {
    const text = normalize(h);
    return ORDER_PLACED_PHRASES.some((p) => text.includes(normalize(p)));
  });
}
