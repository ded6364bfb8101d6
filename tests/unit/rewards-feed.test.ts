import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LedgerDb } from '../../src/ledger/db';
import { SAMPLE_PROGRAMME } from '../../src/rewards/catalog';
import { activeCatalog, FEED_REFRESH_MS, FEED_STATE_SETTING, feedPermission, refreshFeed, saveFeedUrl } from '../../src/rewards/feed';
import { requestCode } from '../../src/rewards/provider';
import { catalog, reward } from '../helpers/rewards';

const URL_ = 'https://rewards.example/catalog.json';
const NOW = Date.parse('2026-11-28T12:00:00Z');
let db: LedgerDb;
beforeEach(() => {
  db = new LedgerDb(`feed-${Math.random()}`);
});

const answer = (body: string, status = 200) => vi.fn(async () => new Response(body, { status }));
/** A fetch that never answers until aborted, as a hung server. */
const hang = vi.fn(
  (_: unknown, init?: RequestInit) =>
    new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
);
const good = catalog([reward({ id: 'feed-reward', codes: { type: 'endpoint', url: 'https://rewards.example/issue' } })]);

describe('provider feed', () => {
  it('with no feed set, fetches nothing and shows the sample programme', async () => {
    const fetch = vi.fn();
    expect(await refreshFeed(db, { fetch, now: NOW })).toBe('no-feed');
    expect(fetch).not.toHaveBeenCalled();
    expect(await activeCatalog(db)).toEqual({ catalog: SAMPLE_PROGRAMME, source: 'sample' });
  });

  it('checks the address typed: https, or http on this computer; empty removes it', async () => {
    expect(await saveFeedUrl(db, 'http://rewards.example/feed')).toEqual({ ok: false, reason: 'not-https' });
    expect(await saveFeedUrl(db, 'not an address')).toEqual({ ok: false, reason: 'invalid' });
    expect(await saveFeedUrl(db, `  ${URL_} `)).toEqual({ ok: true, url: URL_ });
    expect(feedPermission(URL_)).toBe('https://rewards.example/*');
    expect(feedPermission('http://127.0.0.1:9000/feed.json')).toBeUndefined();
    expect(await saveFeedUrl(db, '')).toEqual({ ok: true, url: undefined });
    expect(await db.settings.count()).toBe(0);
  });

  it('fetches once a day at most, without cookies, and uses the catalog', async () => {
    await saveFeedUrl(db, URL_);
    const fetch = answer(JSON.stringify(good));
    expect(await refreshFeed(db, { fetch, now: NOW })).toBe('updated');
    expect(fetch).toHaveBeenCalledWith(URL_, expect.objectContaining({ credentials: 'omit', redirect: 'error' }));
    expect(await activeCatalog(db)).toEqual({ catalog: good, source: 'feed', feedUrl: URL_, fetchedAt: NOW });
    expect(await refreshFeed(db, { fetch, now: NOW + FEED_REFRESH_MS - 1 })).toBe('fresh');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await refreshFeed(db, { fetch, now: NOW + FEED_REFRESH_MS })).toBe('updated');
    expect(await refreshFeed(db, { fetch, now: NOW + FEED_REFRESH_MS + 1, force: true })).toBe('updated');
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it.each([
    ['an HTTP error', answer('nope', 503), 'http', /503/],
    ['not JSON', answer('<html>'), 'not-json', /JSON/],
    ['an invalid catalog', answer(JSON.stringify({ ...good, version: 9 })), 'invalid', /version/],
    ['an endpoint on another origin', answer(JSON.stringify(catalog([reward({ codes: { type: 'endpoint', url: 'https://evil.example/x' } })]))), 'invalid', /own origin/],
    ['a network error', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))), 'unreachable', /Failed/],
  ])('%s keeps the last good catalog and says why', async (_, bad, kind, detail) => {
    await saveFeedUrl(db, URL_);
    await refreshFeed(db, { fetch: answer(JSON.stringify(good)), now: NOW });
    expect(await refreshFeed(db, { fetch: bad as typeof fetch, now: NOW + FEED_REFRESH_MS })).toBe('failed');
    const active = await activeCatalog(db);
    expect(active).toMatchObject({ source: 'feed', catalog: good, fetchedAt: NOW, problem: { kind, at: NOW + FEED_REFRESH_MS } });
    expect(active.problem?.detail).toMatch(detail);
    // a failure counts as the day's try too
    expect(await refreshFeed(db, { fetch: answer(JSON.stringify(good)), now: NOW + FEED_REFRESH_MS + 1 })).toBe('fresh');
  });

  it('a first fetch that fails shows the sample programme and why', async () => {
    await saveFeedUrl(db, URL_);
    expect(await refreshFeed(db, { fetch: hang as unknown as typeof fetch, now: NOW, timeoutMs: 20 })).toBe('failed');
    expect(await activeCatalog(db)).toMatchObject({ source: 'sample', catalog: SAMPLE_PROGRAMME, feedUrl: URL_, problem: { kind: 'timeout' } });
  });

  it('a changed address drops the old feed’s catalog', async () => {
    await saveFeedUrl(db, URL_);
    await refreshFeed(db, { fetch: answer(JSON.stringify(good)), now: NOW });
    await saveFeedUrl(db, 'https://other.example/feed.json');
    expect(await activeCatalog(db)).toMatchObject({ source: 'sample' });
  });

  it('a stored catalog that is no longer valid (an imported settings row) is not used', async () => {
    await saveFeedUrl(db, URL_);
    const forged = catalog([reward({ codes: { type: 'endpoint', url: 'https://evil.example/steal' } })]);
    await db.settings.put({ key: FEED_STATE_SETTING, value: { url: URL_, catalog: forged, fetchedAt: NOW, attemptedAt: NOW } });
    expect(await activeCatalog(db)).toMatchObject({ source: 'sample' });
  });
});

describe('provider endpoint', () => {
  const body = { rewardId: 'r', requestId: 'press-1' };
  it('posts the reward and press as JSON and reads the code', async () => {
    const fetch = answer(JSON.stringify({ code: 'PROV-1', expiresAt: '2026-12-01T00:00:00Z' }));
    expect(await requestCode('https://p.example/issue', body, fetch)).toEqual({ ok: true, code: 'PROV-1', expiresAt: Date.parse('2026-12-01T00:00:00Z') });
    expect(fetch).toHaveBeenCalledWith('https://p.example/issue', expect.objectContaining({ method: 'POST', body: JSON.stringify(body), credentials: 'omit' }));
  });

  it.each([
    ['a refusal', answer('{}', 500), 'provider-refused'],
    ['not JSON', answer('garbage'), 'provider-garbage'],
    ['a code that is not one', answer(JSON.stringify({ code: '<script>' })), 'provider-garbage'],
    ['an answer far too large', answer(JSON.stringify({ code: 'ABC', pad: 'x'.repeat(10_000) })), 'provider-garbage'],
    ['no network', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))), 'provider-unreachable'],
  ])('%s is a clear failure', async (_, fetch, reason) => {
    expect(await requestCode('https://p.example/issue', body, fetch as typeof globalThis.fetch)).toMatchObject({ ok: false, reason });
  });

  it('gives up after the time-out', async () => {
    const started = Date.now();
    expect(await requestCode('https://p.example/issue', body, hang as unknown as typeof fetch, 30)).toMatchObject({ ok: false, reason: 'provider-timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
