import { accessibleName, attributeHints, isSelected, isShown, selectableControls, textOf } from '../detect/dom';
import { detectCustomShop } from '../detect/generic';
import { matchNormalized, mentions, normalize, SHIPPING_SPEED, triggerFor } from '../detect/lexicon';
import { detectPage, platformById } from '../platforms/index';
import { CHOICE_KINDS, type ChoiceKind } from '../core/kinds';
import { REPORT_FORMAT, REPORT_VERSIONS, type ControlRole, type ReadingReport, type ReportControl } from './format';
import { languageTag, scrubName, scrubPath, scrubText } from './scrub';

/** More controls than any checkout's choices; a page past it is cut, not refused. */
const MAX_CONTROLS = 120;
const MAX_GROUP_LABEL = 80;

const ROLE_ATTRIBUTES = new Set<string>(['checkbox', 'radio', 'switch', 'option', 'tab']);
const GROUP_ROLES = '[role=radiogroup], [role=listbox], [role=tablist]';
const BINARY = new Set<ControlRole>(['checkbox', 'switch', 'toggle']);

function roleOf(el: Element): ControlRole {
  const role = el.getAttribute('role') ?? '';
  if (ROLE_ATTRIBUTES.has(role)) return role as ControlRole;
  if (el.tagName === 'OPTION') return 'option';
  if (el.tagName === 'INPUT') return (el as HTMLInputElement).type === 'radio' ? 'radio' : 'checkbox';
  return 'toggle';
}

/** The control's group: its select, its same-named radios, or its radiogroup / listbox / tablist. */
function groupOf(el: Element): { key: unknown; members: () => Element[]; labelled: Element | null } | null {
  if (el.tagName === 'OPTION') {
    const select = el.closest('select');
    return select && { key: select, members: () => Array.from(select.options), labelled: select };
  }
  const name = el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'radio' ? el.getAttribute('name') : null;
  if (name) {
    const radios = () => Array.from(el.ownerDocument.getElementsByName(name)).filter((r) => r.tagName === 'INPUT' && (r as HTMLInputElement).type === 'radio');
    return { key: `radio:${name}`, members: radios, labelled: el.closest(`fieldset, ${GROUP_ROLES}`) };
  }
  const group = el.closest(GROUP_ROLES);
  return group && { key: group, members: () => Array.from(group.querySelectorAll('[role=radio], [role=option], [role=tab]')), labelled: group };
}

/**
 * A group's own label: aria-labelledby, aria-label, a select's <label>, a fieldset's legend.
 * Never its content's text, which is where a page keeps addresses and items.
 */
function groupLabel(group: Element | null): string {
  if (!group) return '';
  const doc = group.ownerDocument;
  const ids = group.getAttribute('aria-labelledby');
  const byRef = ids ? ids.split(/\s+/).map((id) => textOf(doc.getElementById(id))).join(' ').trim() : '';
  const legend = group.tagName === 'FIELDSET' ? group.querySelector(':scope > legend') : null;
  const labels = group.tagName === 'SELECT' ? labelTexts(group) : '';
  return scrubName(byRef || group.getAttribute('aria-label')?.trim() || labels || textOf(legend), MAX_GROUP_LABEL);
}

/** Whether the control names itself (label, aria, own text) rather than borrowing its row's text. */
function namesItself(el: Element): boolean {
  if (el.hasAttribute('aria-labelledby') || el.getAttribute('aria-label')?.trim() || el.parentElement?.closest('label')) return true;
  return labelTexts(el) !== '' || textOf(el) !== '';
}

/** The text of an input's or a select's <label>s; some DOMs throw on ids that are not valid in a selector. */
function labelTexts(el: Element): string {
  try {
    return Array.from((el as HTMLInputElement).labels ?? [], (l) => textOf(l)).join(' ').trim();
  } catch {
    return '';
  }
}

const RELEVANT = triggerFor(CHOICE_KINDS);
const EXPRESS = SHIPPING_SPEED.express;

/**
 * The reading report of the page at `url`, without the shopper's note; null off a shop.
 * The candidate controls are those whose name or attributes speak of a choice (with every other
 * member of their group, so an express option offered beside a standard one shows), and the
 * yes/no controls that name themselves. Names, hints and group labels are scrubbed.
 */
export function readingReport(url: URL, doc: Document): ReadingReport | null {
  const reading = detectPage(url, doc) ?? detectCustomShop(url, doc);
  if (!reading) return null;
  const kinds = platformById(reading.platform)?.kinds ?? CHOICE_KINDS;
  const read = new Set(reading.observations.map((o) => o.kind));

  const chosen = new Set<Element>();
  const groups = new Map<unknown, { number: number; label: string }>();
  const include = (el: Element) => chosen.size < MAX_CONTROLS && chosen.add(el);
  for (const el of selectableControls(doc)) {
    const name = normalize(`${accessibleName(el)} ${attributeHints(el)}`);
    const group = groupOf(el);
    if (RELEVANT.test(name) || mentions(name, EXPRESS)) {
      include(el);
      if (group && !groups.has(group.key)) {
        groups.set(group.key, { number: groups.size + 1, label: groupLabel(group.labelled) });
        group.members().forEach(include);
      }
    } else if (!group && BINARY.has(roleOf(el)) && namesItself(el)) {
      include(el);
    }
  }

  const counted = new Set<ChoiceKind>();
  const controls: ReportControl[] = sortedInDocument([...chosen]).map((el) => {
    const control: ReportControl = {
      role: roleOf(el),
      name: scrubName(accessibleName(el)),
      hints: scrubText(attributeHints(el)),
      selected: isSelected(el),
      shown: isShown(el),
    };
    const group = groupOf(el);
    const inGroup = group && groups.get(group.key);
    if (inGroup) {
      control.group = inGroup.number;
      if (inGroup.label) control.groupLabel = inGroup.label;
    }
    const kind = countedKind(el, control, kinds, read);
    if (kind && !counted.has(kind)) {
      counted.add(kind);
      control.counted = kind;
    }
    return control;
  });

  return {
    report: 'carbon-account-reading',
    format: REPORT_FORMAT,
    ...REPORT_VERSIONS,
    platform: reading.platform,
    page: reading.page,
    url: { host: url.hostname, path: scrubPath(url.pathname) },
    language: languageTag(doc.documentElement.getAttribute('lang')),
    read: reading.observations.map(({ kind, detail }) => (detail ? { kind, detail } : { kind })),
    controls,
    note: '',
  };
}

/**
 * The kind this control made the reading find, if any: the lexicon names the kind, the reading
 * has it, and the control's state is the choice (affirmed and selected, or declined and left off);
 * a selected standard speed stands for slow shipping.
 */
function countedKind(el: Element, control: ReportControl, kinds: readonly ChoiceKind[], read: Set<ChoiceKind>): ChoiceKind | undefined {
  if (!control.shown) return undefined;
  const name = normalize(`${accessibleName(el)} ${attributeHints(el)}`);
  const match = matchNormalized(name, kinds);
  if (match && read.has(match.kind)) {
    const chosen = match.polarity === 'affirm' ? control.selected : !control.selected && BINARY.has(control.role);
    return chosen ? match.kind : undefined;
  }
  if (!match && control.selected && read.has('slow-shipping') && mentions(name, SHIPPING_SPEED.standard)) return 'slow-shipping';
  return undefined;
}

function sortedInDocument(elements: Element[]): Element[] {
  // 4 = DOCUMENT_POSITION_FOLLOWING: b comes after a.
  return elements.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
}
