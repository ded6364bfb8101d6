import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LedgerDb } from '../../src/ledger/db';
import { debitPoints } from '../../src/ledger/debits';
import { disputeAction } from '../../src/ledger/disputes';
import { recordOrder } from '../../src/ledger/record';
import type { Observation } from '../../src/core/kinds';
import { formatRange } from '../../src/core/format';
import { setLocaleOverride, t } from '../../src/core/i18n';
import { Popup } from '../../src/ui/Popup';
import { packaged } from '../helpers/locales';

const NOW = new Date(2026, 10, 28, 12).getTime();
const DAY = 86_400_000;

let db: LedgerDb;
let root: HTMLElement;
beforeEach(async () => {
  fakeBrowser.reset();
  await setLocaleOverride('en', packaged);
  db = new LedgerDb(`story-${Math.random()}`);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  render(null, root);
  root.remove();
  db.close();
  await setLocaleOverride(undefined);
});

let n = 0;
const order = (platform: string, observations: Observation[], at = NOW - 3_600_000) =>
  recordOrder(db, { platform, orderKey: `o-${++n}`, committedAt: at, observations: observations.map((o) => ({ ...o, observedAt: at })) });

function show() {
  render(<Popup db={db} locale="en" now={() => NOW} grants={async (ids) => new Map(ids.map((id) => [id, true]))} />, root);
}
const $ = <E extends Element = HTMLElement>(selector: string) => root.querySelector<E>(selector);
const text = (id: string) => $(`[data-testid="${id}"]`)?.textContent ?? '';
const items = () => [...root.querySelectorAll<HTMLElement>('[data-testid="actions"] > li')];
const choose = async (id: string, value: string) => {
  const select = $<HTMLSelectElement>(`#${id}`)!;
  await expect.poll(() => [...select.options].map((o) => o.value)).toContain(value);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
};

describe('popup: how am I doing, and why', () => {
  it('opens on the first screen; the other tabs are one press away', async () => {
    show();
    await expect.poll(() => text('total-grams')).toBe('0 g CO2e avoided');
    expect($('#tab-overview')?.getAttribute('aria-selected')).toBe('true');
    expect($('#panel-history')?.hidden).toBe(true);
    $<HTMLButtonElement>('#tab-history')!.click();
    await expect.poll(() => $('#panel-history')?.hidden).toBe(false);
    expect($('#panel-overview')?.hidden).toBe(true);
  });

  it('never shows a negative range: a low end below 0 reads "up to"', async () => {
    expect(formatRange(-640, 350, 'en', t)).toBe('up to 350 g');
    expect(formatRange(10, 40, 'en', t)).toBe('10 g – 40 g');
    await order('amazon', [{ kind: 'pickup-point' }]);
    show();
    await expect.poll(() => text('total-range')).toBe('Estimated range: up to 350 g');
    expect(root.textContent).not.toMatch(/-\s?640|−640/);
  });

  it('says why a 0 g choice counts nothing, and still shows it was seen', async () => {
    await order('amazon', [{ kind: 'pickup-point', label: 'Pick up at a locker' }, { kind: 'slow-shipping' }]);
    show();
    await expect.poll(() => items().length).toBe(2);
    const pickup = items().find((li) => li.dataset.kind === 'pickup-point')!;
    expect(pickup.querySelector('q')?.textContent).toBe('Pick up at a locker');
    expect(pickup.querySelector('[data-testid="zero-reason"]')?.textContent).toBe(
      'Seen and kept. Counted at 0 g: a pickup point saves CO2e only when you walk, cycle or pass by anyway, and the checkout page cannot tell how you travel.',
    );
    expect(items().find((li) => li.dataset.kind === 'slow-shipping')?.textContent).toContain('no source gives grams per order');
    // Each source opens its entry in Options → Methodology.
    expect([...pickup.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['E11', 'E12', 'E13', 'E14'].map((id) => `/options.html#source-${id}`));
  });

  it('filters the history by shop, kind and month; a sub-account opens its own', async () => {
    await db.subAccounts.bulkAdd(['ubereats', 'amazon'].map((platform) => ({ platform, linkedAt: NOW - 60 * DAY })));
    await order('ubereats', [{ kind: 'no-cutlery' }]);
    await order('amazon', [{ kind: 'consolidated-shipping' }, { kind: 'e-invoice' }]);
    await order('amazon', [{ kind: 'e-invoice' }], new Date(2026, 9, 3, 12).getTime());
    show();
    await expect.poll(() => items().length).toBe(4);
    await choose('filter-kind', 'e-invoice');
    await expect.poll(() => items().length).toBe(2);
    await choose('filter-month', '2026-10');
    await expect.poll(() => items().length).toBe(1);
    expect($<HTMLSelectElement>('#filter-month')!.selectedOptions[0].textContent).toBe('October 2026');
    await choose('filter-kind', '');
    await choose('filter-month', '');
    await expect.poll(() => items().length).toBe(4);

    $<HTMLButtonElement>('[data-platform="ubereats"] button')!.click();
    await expect.poll(() => $('#tab-history')?.getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => items().map((li) => li.dataset.kind)).toEqual(['no-cutlery']);
    expect($<HTMLSelectElement>('#filter-shop')!.value).toBe('ubereats');
  });

  it('marks milestones as they are reached, with no expiry and no streak', async () => {
    show();
    await expect.poll(() => $('[data-milestone="first-no-cutlery"]')?.dataset.reached).toBe('false');
    await order('eleme', [{ kind: 'no-cutlery' }], NOW - 40 * DAY);
    await order('vinted', [{ kind: 'second-hand', detail: 'clothing' }], NOW - 30 * DAY);
    await expect.poll(() => $('[data-milestone="first-no-cutlery"]')?.dataset.reached).toBe('true');
    expect($('[data-milestone="first-second-hand"]')?.dataset.reached).toBe('true');
    // 1,815 g, recorded weeks ago: still reached.
    expect($('[data-milestone="one-kg"]')?.dataset.reached).toBe('true');
    expect($('[data-milestone="ten-actions"]')?.textContent).toContain('2 of 10');
    expect(text('this-week')).toBe('This week: 0 g avoided, 0 actions');
  });

  it('says that points a dispute took back after a redemption are repaid from new points', async () => {
    const [a] = await order('ubereats', [{ kind: 'no-cutlery' }]);
    await debitPoints(db, 12);
    await disputeAction(db, a.id!);
    show();
    await expect.poll(() => text('shortfall')).toBe('12 points still to be repaid from new points: a dispute took back points already spent on a voucher.');
    expect(text('points')).toBe('0 points');
  });
});
