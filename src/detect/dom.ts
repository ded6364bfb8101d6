/**
 * Reading form state the way a person sees it: which controls are on screen, what they are
 * called, and whether they are selected. Only the page's controls are visited, never the
 * whole DOM's text.
 */

const CONTROL_SELECTOR = [
  'input[type=checkbox]',
  'input[type=radio]',
  '[role=switch]',
  '[role=checkbox]',
  '[role=radio]',
  '[role=option]',
  '[role=tab]',
  '[aria-pressed]',
  'option',
].join(',');

/** Every selectable control on the page (checkboxes, radios, switches, toggle buttons, options). */
export function selectableControls(root: ParentNode): Element[] {
  return Array.from(root.querySelectorAll(CONTROL_SELECTOR));
}

function hiddenByStyle(el: Element): boolean {
  const style = (el as HTMLElement).style;
  if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
  const view = el.ownerDocument.defaultView;
  if (!view || typeof view.getComputedStyle !== 'function') return false;
  const computed = view.getComputedStyle(el);
  return computed.display === 'none' || computed.visibility === 'hidden';
}

/**
 * False when the element or an ancestor is hidden (`hidden`, `aria-hidden`, display:none,
 * visibility:hidden, or a class the platform says hides), or when it is disabled.
 */
export function isShown(el: Element, hiddenClass?: string): boolean {
  if ((el as HTMLInputElement).disabled || el.getAttribute('aria-disabled') === 'true') return false;
  if (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'hidden') return false;
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return false;
    if (hiddenClass && node.classList.contains(hiddenClass)) return false;
    if (node.tagName === 'OPTION' || node.tagName === 'SELECT') continue;
    if (hiddenByStyle(node)) return false;
  }
  return true;
}

/** Whether the control is selected: checked, aria-checked/pressed/selected, or the chosen option. */
export function isSelected(el: Element): boolean {
  if (el.tagName === 'INPUT') return (el as HTMLInputElement).checked;
  if (el.tagName === 'OPTION') return (el as HTMLOptionElement).selected;
  for (const attr of ['aria-checked', 'aria-pressed', 'aria-selected']) {
    const v = el.getAttribute(attr);
    if (v !== null) return v === 'true';
  }
  return false;
}

/** An element's text with white space collapsed. */
export function textOf(el: Element | null): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function labelledBy(el: Element): string {
  const ids = el.getAttribute('aria-labelledby');
  if (!ids) return '';
  return ids
    .split(/\s+/)
    .map((id) => textOf(el.ownerDocument.getElementById(id)))
    .join(' ')
    .trim();
}

const MAX_NAME = 300;

/** The control's <label>s; some DOMs throw on ids that are not valid in a selector. */
function labelsOf(el: Element): NodeListOf<HTMLLabelElement> | null {
  try {
    return (el as HTMLInputElement).labels ?? null;
  } catch {
    return null;
  }
}

/**
 * The control's accessible name, approximated: aria-labelledby, aria-label, its <label>s,
 * its own text (switch buttons, options), else the text of the nearest small ancestor row.
 */
export function accessibleName(el: Element): string {
  const byRef = labelledBy(el);
  if (byRef) return byRef;
  const aria = el.getAttribute('aria-label');
  if (aria?.trim()) return aria.trim();
  const labels = labelsOf(el);
  if (labels && labels.length) {
    const text = Array.from(labels, (l) => textOf(l)).join(' ').trim();
    if (text) return text;
  }
  const own = textOf(el);
  if (own && own.length <= MAX_NAME) return own;
  for (let row = el.parentElement, depth = 0; row && depth < 3; row = row.parentElement, depth++) {
    const text = textOf(row);
    if (text.length > MAX_NAME) break;
    if (text) return text;
  }
  return '';
}

/** Machine hints a site puts on a control: name, value, id and data-testid. */
export function attributeHints(el: Element): string {
  return ['name', 'value', 'id', 'data-testid']
    .map((a) => el.getAttribute(a) ?? '')
    .filter(Boolean)
    .join(' ');
}
