import type { ReadingReport, ReportControl } from '../src/report/format';
import { ID_SEGMENT } from '../src/report/scrub';

/**
 * A reading report as a minimal fixture page: each reported control rebuilt with its role,
 * name, hints, state and visibility, radios and options in their groups under their labels.
 * What the report does not hold (the page's other text) is not there; the detector reads
 * only controls, so the page reads as the shop's did.
 */

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const attr = (name: string, value: string | undefined) => (value ? ` ${name}="${escape(value)}"` : '');

function control(c: ReportControl): string {
  const testid = attr('data-testid', c.hints);
  const name = escape(c.name);
  switch (c.role) {
    case 'checkbox':
    case 'radio': {
      const group = c.role === 'radio' && c.group ? attr('name', `report-group-${c.group}`) : '';
      return `<label><input type="${c.role}"${group}${testid}${c.selected ? ' checked' : ''}> ${name}</label>`;
    }
    case 'switch':
      return `<button type="button" role="switch" aria-checked="${c.selected}"${testid}>${name}</button>`;
    case 'toggle':
      return `<button type="button" aria-pressed="${c.selected}"${testid}>${name}</button>`;
    case 'tab':
      return `<button type="button" role="tab" aria-selected="${c.selected}"${testid}>${name}</button>`;
    case 'option':
      return `<option${testid}${c.selected ? ' selected' : ''}>${name}</option>`;
  }
}

const shown = (c: ReportControl, html: string) => (c.shown ? html : `<div hidden>${html}</div>`);

/** Controls in report order, grouped members kept together in their group's container. */
function body(controls: readonly ReportControl[]): string[] {
  const lines: string[] = [];
  const done = new Set<number>();
  for (const c of controls) {
    if (!c.group) {
      lines.push(`<div>${shown(c, control(c))}</div>`);
      continue;
    }
    if (done.has(c.group)) continue;
    done.add(c.group);
    const members = controls.filter((m) => m.group === c.group);
    const label = c.groupLabel ?? '';
    if (c.role === 'option') {
      const selectShown = members.some((m) => m.shown);
      const select = `<select${attr('aria-label', label || 'options')}>${members.map(control).join('')}</select>`;
      lines.push(`<div>${selectShown ? select : `<div hidden>${select}</div>`}</div>`);
    } else if (c.role === 'tab') {
      lines.push(`<div role="tablist"${attr('aria-label', label)}>${members.map((m) => shown(m, control(m))).join('')}</div>`);
    } else {
      lines.push(`<fieldset>${label ? `<legend>${escape(label)}</legend>` : ''}${members.map((m) => `<div>${shown(m, control(m))}</div>`).join('')}</fieldset>`);
    }
  }
  return lines;
}

/** The phrases a page needs to be read as the reported page type where the URL alone does not say. */
const PLACE_ORDER = '<button type="submit">Place order</button>';
const ORDER_PLACED = '<h1>Thank you, your order has been placed</h1>';

/** The fixture page for a report, headed by where it came from and the shopper's note. */
export function fixtureHtml(report: ReadingReport): string {
  const note = report.note.replace(/-{2,}/g, '-');
  return [
    '<!doctype html>',
    `<!-- Built from a reading report: ${report.platform} ${report.page} at ${report.url.host}${report.url.path}, extension ${report.extension}, methodology ${report.methodology}.`,
    `     Shopper's note: "${note}". Only the reported controls are rebuilt; the rest of the shop's page is not known. -->`,
    `<html${attr('lang', report.language)}>`,
    '<head><meta charset="utf-8"><title>Reading report</title></head>',
    '<body>',
    ...(report.page === 'confirmation' ? [ORDER_PLACED] : []),
    '<form>',
    ...body(report.controls),
    ...(report.page === 'checkout' ? [PLACE_ORDER] : []),
    '</form>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Stand-ins for a path segment the report left out, in the shapes the platforms' routes use. */
const ID_STAND_INS = ['1234567890', 'm1234567890', '3f2a9c1e-7d4b-4e8a-9b61-2c5d8e0f1a77', '123-1234567-1234567'];
/** Queries a confirmation route may need: the report drops the query, and with it the order number. */
const QUERY_STAND_INS = ['', '?orderId=1234567890', '?order_id=1234567890', '?biz_order_id=1234567890', '?orderViewId=1234567890', '?transaction_id=1234567890', '?status=success'];

/** The addresses the fixture could be served at, most likely first; the caller keeps the first that reads as reported. */
export function candidateUrls(report: ReadingReport): string[] {
  const paths = ID_STAND_INS.map((id) => report.url.path.split('/').map((s) => (s === ID_SEGMENT ? id : s)).join('/'));
  const unique = [...new Set(paths)];
  return QUERY_STAND_INS.flatMap((query) => unique.map((path) => `https://${report.url.host}${path}${query}`));
}

/** A short file-name part for a report: platform, page and the date it was turned into a test. */
export function reportSlug(report: ReadingReport, date: Date): string {
  const day = date.toISOString().slice(0, 10);
  const note = report.note.toLowerCase().replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '').slice(0, 32).replace(/-$/, '');
  return [report.page, day, note].filter(Boolean).join('-');
}
