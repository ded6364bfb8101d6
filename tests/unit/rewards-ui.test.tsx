import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LedgerDb } from '../../src/ledger/db';
import { points } from '../../src/ledger/queries';
import { SAMPLE_PROGRAMME } from '../../src/rewards/catalog';
import type { IssueResult } from '../../src/rewards/provider';
import { CatalogNotice } from '../../src/ui/CatalogNotice';
import { RedeemButton } from '../../src/ui/RedeemButton';
import { VoucherList } from '../../src/ui/VoucherList';
import { setLocaleOverride } from '../../src/core/i18n';
import { earn, reward } from '../helpers/rewards';
import { packaged } from '../helpers/locales';

const NOW = Date.parse('2026-11-28T12:00:00Z');
let db: LedgerDb;
let root: HTMLElement;
beforeEach(async () => {
  await setLocaleOverride('en', packaged);
  db = new LedgerDb(`ui-${Math.random()}`);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  await setLocaleOverride(undefined);
  render(null, root);
  root.remove();
});

describe('redeem button', () => {
  it('a double click is one press: one provider call, one voucher, one debit', async () => {
    await earn(db, 500);
    let answer!: (r: IssueResult) => void;
    const issueCode = vi.fn(() => new Promise<IssueResult>((resolve) => (answer = resolve)));
    const onResult = vi.fn();
    const r = reward({ codes: { type: 'endpoint', url: 'https://p.example/issue' } });
    render(<RedeemButton db={db} reward={r} locale="en-US" deps={{ now: () => NOW, issueCode }} onResult={onResult} />, root);
    const button = root.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Redeem $3 off for 100 points');
    button.click();
    button.click();
    await vi.waitFor(() => expect(issueCode).toHaveBeenCalledTimes(1));
    expect(button.getAttribute('aria-disabled')).toBe('true');
    button.click();
    answer({ ok: true, code: 'PROV-1' });
    await vi.waitFor(() => expect(onResult).toHaveBeenCalledTimes(1));
    expect(onResult).toHaveBeenCalledWith('Redeemed: your voucher code is PROV-1.', true);
    expect(await db.vouchers.count()).toBe(1);
    expect(await points(db)).toMatchObject({ balance: 400 });
  });

  it('a provider failure says so, spends nothing, and the retry is the same press', async () => {
    await earn(db, 500);
    const presses: string[] = [];
    const results: IssueResult[] = [{ ok: false, reason: 'provider-timeout', detail: '' }, { ok: true, code: 'PROV-2' }];
    const issueCode = vi.fn(async (_: string, body: { requestId: string }) => (presses.push(body.requestId), results.shift()!));
    const onResult = vi.fn();
    render(<RedeemButton db={db} reward={reward({ codes: { type: 'endpoint', url: 'https://p.example/issue' } })} locale="en-US" deps={{ now: () => NOW, issueCode }} onResult={onResult} />, root);
    root.querySelector('button')!.click();
    await vi.waitFor(() => expect(onResult).toHaveBeenCalledWith('The rewards provider did not answer in time. Your points were not spent; try again later.', false));
    expect(await points(db)).toMatchObject({ balance: 500 });
    await vi.waitFor(() => expect(root.querySelector('button')!.getAttribute('aria-disabled')).toBeNull());
    root.querySelector('button')!.click();
    await vi.waitFor(() => expect(onResult).toHaveBeenLastCalledWith('Redeemed: your voucher code is PROV-2.', true));
    expect(presses[0]).toBe(presses[1]);
  });
});

describe('voucher list and notices', () => {
  it('lists unused vouchers with a copy button, used and expired ones without', async () => {
    const base = { rewardId: 'w', platform: 'ubereats', points: 10, issuedAt: NOW - 1000 };
    await db.vouchers.bulkAdd([
      { ...base, requestId: 'a', code: 'LIVE-1', expiresAt: NOW + 86_400_000, status: 'unused', title: { en: 'Live', zh_CN: '有效', ja: '有効' } },
      { ...base, requestId: 'b', code: 'USED-1', expiresAt: NOW + 86_400_000, status: 'used', usedAt: NOW - 10 },
      { ...base, requestId: 'c', code: 'OLD-1', expiresAt: NOW - 1, status: 'unused' },
    ]);
    render(<VoucherList db={db} locale="en-US" now={() => NOW} />, root);
    await vi.waitFor(() => expect(root.querySelectorAll('li')).toHaveLength(3));
    const rows = [...root.querySelectorAll('li')];
    expect(rows.map((li) => [li.dataset.code, li.dataset.status, li.querySelectorAll('button').length])).toEqual([
      ['LIVE-1', 'unused', 1],
      ['USED-1', 'used', 0],
      ['OLD-1', 'expired', 0],
    ]);
    expect(rows[0].textContent).toContain('Live');
    expect(rows[1].textContent).toContain('Used');
    await vi.waitFor(async () => expect((await db.vouchers.where('status').equals('expired').count())).toBe(1));
  });

  it('labels the sample programme and says why a feed is not in use', () => {
    render(<CatalogNotice active={{ catalog: SAMPLE_PROGRAMME, source: 'sample', feedUrl: 'https://x.example/f', problem: { kind: 'timeout', detail: '', at: NOW } }} locale="en-US" />, root);
    expect(root.querySelector('[data-testid="rewards-sample"]')?.textContent).toContain('Sample programme');
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('The rewards feed could not be loaded: it did not answer in time. The sample programme is shown instead.');
  });
});
