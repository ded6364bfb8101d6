import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../src/platforms/index';
import { rewardOutlook, rewardsFor, SAMPLE_CATALOG, SAMPLE_PROGRAMME } from '../../src/rewards/catalog';
import { checkRemoteUrl, isOffered, parseCatalog, voucherExpiry } from '../../src/rewards/format';
import sample from '../../src/rewards/sample-catalog.json';
import { catalog, reward } from '../helpers/rewards';

const DAY = 86_400_000;

describe('the bundled sample catalog', () => {
  it('is valid, labelled as a sample, and offers a reward on every supported platform', () => {
    expect(parseCatalog(sample)).toMatchObject({ ok: true });
    expect(SAMPLE_PROGRAMME.programme.sample).toBe(true);
    for (const p of PLATFORMS) expect(SAMPLE_CATALOG.some((r) => r.platform === p.id), p.id).toBe(true);
    expect(SAMPLE_CATALOG.some((r) => r.platform === 'any')).toBe(true);
  });

  it('uses only fixed codes and code pools (a bundled catalog makes no request)', () => {
    expect(SAMPLE_CATALOG.every((r) => r.codes.type === 'fixed' || r.codes.type === 'pool')).toBe(true);
    expect(SAMPLE_CATALOG.every((r) => r.terms.en.includes('Sample programme'))).toBe(true);
  });

  it('lists the linked platforms’ rewards and the ones for any shop, affordable first', () => {
    const offered = rewardsFor(SAMPLE_CATALOG, ['ubereats']);
    expect(offered.map((r) => r.platform).sort()).toEqual(['any', 'any', 'ubereats']);
    const { ready, next } = rewardOutlook(offered, 250);
    expect(ready.map((r) => r.cost)).toEqual([150, 250]);
    expect(next.map((r) => r.cost)).toEqual([600]);
  });
});

describe('catalog format', () => {
  const bad = (change: (c: Record<string, unknown> & { rewards: Record<string, unknown>[] }) => void) => {
    const c = structuredClone(catalog([reward()])) as unknown as Record<string, unknown> & { rewards: Record<string, unknown>[] };
    change(c);
    return parseCatalog(c);
  };

  it('accepts every discount and code kind', () => {
    const good = catalog([
      reward(),
      reward({ id: 'pct', platform: 'any', discount: { type: 'percent', percent: 10 }, codes: { type: 'pool', codes: ['AAA-1', 'AAA-2'] } }),
      reward({ id: 'ep', codes: { type: 'endpoint', url: 'https://rewards.example/issue' } }),
    ]);
    expect(parseCatalog(good, 'https://rewards.example/catalog.json')).toEqual({ ok: true, catalog: good });
  });

  it.each([
    ['another format', (c: Record<string, unknown>) => (c.format = 'other'), /format/],
    ['a later version', (c: Record<string, unknown>) => (c.version = 2), /version/],
    ['a missing language', (c: { rewards: Record<string, unknown>[] }) => (c.rewards[0].title = { en: 'x', ja: 'x' }), /rewards\.0\.title\.zh_CN/],
    ['an unknown platform', (c: { rewards: Record<string, unknown>[] }) => (c.rewards[0].platform = 'nowhere'), /rewards\.0\.platform/],
    ['a negative cost', (c: { rewards: Record<string, unknown>[] }) => (c.rewards[0].cost = -5), /rewards\.0\.cost/],
    ['a fractional cost', (c: { rewards: Record<string, unknown>[] }) => (c.rewards[0].cost = 1.5), /rewards\.0\.cost/],
    ['a percent over 100', (c: { rewards: Record<string, unknown>[] }) => (c.rewards[0].discount = { type: 'percent', percent: 150 }), /percent/],
    ['a bad currency', (c: { rewards: Record<string, unknown>[] }) => (c.rewards[0].discount = { type: 'amount', amount: 1, currency: 'usd' }), /currency/],
    ['a code with spaces', (c: { rewards: Record<string, unknown>[] }) => (c.rewards[0].codes = { type: 'fixed', code: 'A B C' }), /promo code/],
    ['a pool with a code twice', (c: { rewards: Record<string, unknown>[] }) => (c.rewards[0].codes = { type: 'pool', codes: ['ABC', 'ABC'] }), /twice/],
    ['an empty pool', (c: { rewards: Record<string, unknown>[] }) => (c.rewards[0].codes = { type: 'pool', codes: [] }), /codes/],
    ['an unknown field', (c: { rewards: Record<string, unknown>[] }) => (c.rewards[0].extra = 1), /extra/],
    ['a window that ends before it starts', (c: { rewards: Record<string, unknown>[] }) => Object.assign(c.rewards[0], { validFrom: '2027-01-01T00:00:00Z', validUntil: '2026-01-01T00:00:00Z' }), /validFrom/],
    ['a date without a zone', (c: { rewards: Record<string, unknown>[] }) => (c.rewards[0].validUntil = '2027-01-01'), /validUntil/],
    ['a reward id twice', (c: { rewards: Record<string, unknown>[] }) => c.rewards.push({ ...c.rewards[0] }), /twice/],
  ])('refuses %s, saying where', (_, change, where) => {
    const result = bad(change as never);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(where);
  });

  it('allows provider endpoints only on the feed’s own origin, and none in a catalog without a feed', () => {
    const c = catalog([reward({ codes: { type: 'endpoint', url: 'https://elsewhere.example/issue' } })]);
    expect(parseCatalog(c, 'https://rewards.example/feed.json')).toMatchObject({ ok: false, reason: expect.stringMatching(/own origin/) });
    expect(parseCatalog(c)).toMatchObject({ ok: false });
    expect(parseCatalog(c, 'https://elsewhere.example/feed.json')).toMatchObject({ ok: true });
    const plain = catalog([reward({ codes: { type: 'endpoint', url: 'http://rewards.example/issue' } })]);
    expect(parseCatalog(plain, 'http://rewards.example/feed.json')).toMatchObject({ ok: false });
  });

  it('takes https addresses, and plain http only on this computer', () => {
    expect(checkRemoteUrl('https://rewards.example/feed.json').ok).toBe(true);
    expect(checkRemoteUrl('http://127.0.0.1:8080/feed.json').ok).toBe(true);
    expect(checkRemoteUrl('http://localhost/feed.json').ok).toBe(true);
    expect(checkRemoteUrl('http://rewards.example/feed.json')).toEqual({ ok: false, reason: 'not-https' });
    expect(checkRemoteUrl('ftp://rewards.example/feed.json')).toEqual({ ok: false, reason: 'invalid' });
    expect(checkRemoteUrl('https://user:pw@rewards.example/')).toEqual({ ok: false, reason: 'invalid' });
    expect(checkRemoteUrl('rewards.example')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('offers a reward inside its window and ends its vouchers at the window’s end', () => {
    const from = Date.parse('2026-01-01T00:00:00Z');
    const until = Date.parse('2026-02-01T00:00:00Z');
    const r = reward({ validFrom: '2026-01-01T00:00:00Z', validUntil: '2026-02-01T00:00:00Z', voucherDays: 30 });
    expect(isOffered(r, from - 1)).toBe(false);
    expect(isOffered(r, from)).toBe(true);
    expect(isOffered(r, until)).toBe(false);
    expect(voucherExpiry(r, from)).toBe(from + 30 * DAY);
    expect(voucherExpiry(r, from + 20 * DAY)).toBe(until);
    expect(voucherExpiry(reward({ voucherDays: 7 }), from)).toBe(from + 7 * DAY);
  });
});
