/**
 * Reading form state the way a person sees it: which controls are on screen, what they are
 * called, and whether they are selected. Only the page's controls are visited, never the
 * whole DOM's text.
 */

const CONTROL_ROLES = new Set(['switch', 'checkbox', 'radio', 'option', 'tab']);

/**
 * Every control that can hold a choice: checkboxes, radios, switches, ARIA radios/options/tabs,
 * toggle buttons, and of each <select> only its chosen options (an unselected option is never
 * a choice, and long selects hold most of a checkout's controls). One native selector pass,
 * filtered here. The browser's cost grows with each selector in the list and with each element
 * it is tried on, so the list is two: enabled form controls other than options and hidden
 * inputs, and anything with a role (a toggle button is a <button> with aria-pressed, or carries
 * a role). A disabled control is no choice the shopper can make, so leaving it out changes no
 * reading; options are most of a checkout's elements and hidden inputs its most numerous inputs
 * (75 of 113 in the Amazon capture), so the script never touches them.
 */
export function selectableControls(root: Document | Element): Element[] {
  const out: Element[] = [];
  const found = root.querySelectorAll(':enabled:not(option,[type=hidden]),[role]');
  for (let i = 0; i < found.length; i++) {
    const el = found[i];
    const tag = el.tagName;
    if (tag === 'INPUT') {
      const type = (el as HTMLInputElement).type;
      if (type === 'checkbox' || type === 'radio') out.push(el);
    } else if (tag === 'SELECT') {
      chosenOptions(el as HTMLSelectElement, out);
    } else if (CONTROL_ROLES.has(el.getAttribute('role') ?? '') || el.hasAttribute('aria-pressed')) {
      out.push(el);
    }
  }
  return out;
}

/**
 * A single-choice select's chosen option by its index (the browser keeps it, where
 * selectedOptions walks every option: hundreds in a country list); a multiple select, or one
 * whose index says nothing is chosen, by selectedOptions.
 */
function chosenOptions(select: HTMLSelectElement, out: Element[]): void {
  const option = select.multiple ? undefined : select.options[select.selectedIndex];
  if (option) {
    out.push(option);
    return;
  }
  const chosen = select.selectedOptions;
  for (let j = 0; j < chosen.length; j++) out.push(chosen[j]);
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
 * visibility:hidden, or a class the platform says hides), or when it is disabled: itself, or
 * by a disabled <select>/<optgroup> around an option or a disabled <fieldset> around a control
 * (the browser's `disabled` property does not tell of either).
 */
export function isShown(el: Element, hiddenClasses?: readonly string[]): boolean {
  if ((el as HTMLInputElement).disabled || el.getAttribute('aria-disabled') === 'true') return false;
  if (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'hidden') return false;
  for (let node: Element | null = el, child = el; node; child = node, node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return false;
    if (hiddenClasses && hiddenClasses.some((c) => node.classList.contains(c))) return false;
    if (disables(node, child)) return false;
    if (node.tagName === 'OPTION' || node.tagName === 'SELECT') continue;
    if (hiddenByStyle(node)) return false;
  }
  return true;
}

/** Whether `ancestor` disables what is inside it through `child`: a fieldset's first legend stays enabled. */
function disables(ancestor: Element, child: Element): boolean {
  const tag = ancestor.tagName;
  if (tag !== 'FIELDSET' && tag !== 'SELECT' && tag !== 'OPTGROUP') return false;
  if (!ancestor.hasAttribute('disabled')) return false;
  return !(tag === 'FIELDSET' && child.tagName === 'LEGEND' && child === firstLegend(ancestor));
}

function firstLegend(fieldset: Element): Element | undefined {
  for (let c = fieldset.firstElementChild; c; c = c.nextElementSibling) if (c.tagName === 'LEGEND') return c;
  return undefined;
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

/** White space other than single plain spaces: only then is there anything to collapse. */
const LOOSE_SPACE = /[^\S ]| {2}/;

/** An element's text with white space collapsed. */
export function textOf(el: Element | null): string {
  const text = el?.textContent;
  if (!text) return '';
  return (LOOSE_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
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

/**
 * The control's <label>s. Without an id only an enclosing label can name it, and `closest` is
 * far cheaper than walking the browser's live `labels` list; some DOMs throw on ids that are
 * not valid in a selector.
 */
function labelsOf(el: Element): ArrayLike<HTMLLabelElement> | null {
  if (!LABELABLE.has(el.tagName)) return null;
  if (!el.id) {
    const enclosing = el.parentElement?.closest('label');
    return enclosing ? [enclosing] : null;
  }
  try {
    return (el as HTMLInputElement).labels ?? null;
  } catch {
    return null;
  }
}

const LABELABLE = new Set(['INPUT', 'BUTTON', 'SELECT', 'TEXTAREA', 'METER', 'OUTPUT', 'PROGRESS']);

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
    const text = labels.length === 1 ? textOf(labels[0]) : Array.from(labels, (l) => textOf(l)).join(' ').trim();
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
  let hints = '';
  for (const attribute of HINT_ATTRIBUTES) {
    const value = el.getAttribute(attribute);
    if (value) hints = hints ? `${hints} ${value}` : value;
  }
  return hints;
}

const HINT_ATTRIBUTES = ['name', 'value', 'id', 'data-testid'];

/** What a control is called, un-normalized: its accessible name and attribute hints. */
export function controlName(el: Element): string {
  return `${accessibleName(el)} ${attributeHints(el)}`;
}
