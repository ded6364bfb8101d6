/**
 * The order number a confirmation or order page shows, in the platform's own format, next to a
 * label that says it is one ("Order Number:", "Order#", "注文番号", "Bestellnummer"). Pages that
 * confirm an order are few and visited once, but the text is still read only around such labels.
 */
import { isShown, textOf } from './dom';
import { ORDER_NUMBER_LABELS } from './lexicon';

/** Longer text nodes are sentences or scripts; a label is short. */
const MAX_LINE = 120;
/** The number stands in the label's element or its row, which stays short. */
const MAX_ROW = 240;
const ROW_DEPTH = 3;
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'TITLE']);

let labels: RegExp | undefined;
const labelPattern = () => (labels ??= new RegExp(ORDER_NUMBER_LABELS.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i'));

/** The first order number `pattern` finds beside a visible order-number label; undefined when none. */
export function shownOrderNumber(doc: Document, pattern: RegExp): string | undefined {
  const body = doc.body;
  if (!body) return undefined;
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node as Text).length > MAX_LINE || !labelPattern().test((node as Text).data)) continue;
    const label = node.parentElement;
    if (!label || NOT_TEXT.has(label.tagName) || !isShown(label)) continue;
    for (let row: Element | null = label, depth = 0; row && depth < ROW_DEPTH; row = row.parentElement, depth++) {
      const text = textOf(row);
      if (text.length > MAX_ROW) break;
      const m = pattern.exec(text);
      if (m) return m[1] ?? m[0];
    }
  }
  return undefined;
}
