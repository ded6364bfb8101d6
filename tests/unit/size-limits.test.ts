import { describe, expect, it, vi } from 'vitest';
import { LedgerDb } from '../../src/ledger/db';
import { MAX_IMPORT_BYTES, readImportFile } from '../../src/ledger/export-format';
import { FEED_REFRESH_MS, MAX_FEED_BYTES, refreshFeed, saveFeedUrl, activeCatalog } from '../../src/rewards/feed';
import { requestCode } from '../../src/rewards/provider';
import { catalog, reward } from '../helpers/rewards';

// Issue 16, findings 6 and 7: sizes were checked only after reading everything, and an attempt
// dated in the future kept the feed "fresh".

/** A body that streams `total` bytes in 64 kB chunks and counts how many were pulled. */
function endless(total: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      state.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

const URL_ = 'https://rewards.example/catalog.json';
const NOW = Date.parse('2026-11-28T12:00:00Z');

describe('sizes before reading', () => {
  it('a feed answer of 500 MB is refused after reading little more than the limit (no Content-Length)', async () => {
    const db = new LedgerDb(`limits-${Math.random()}`);
    await saveFeedUrl(db, URL_);
    const { stream, state } = endless(500 * 1024 * 1024);
    const fetch = vi.fn(async () => new Response(stream, { status: 200 }));
    expect(await refreshFeed(db, { fetch, now: NOW })).toBe('failed');
    expect(state.pulled).toBeLessThan(MAX_FEED_BYTES + 256 * 1024);
    expect(state.cancelled).toBe(true);
    expect((await activeCatalog(db)).problem?.kind).toBe('too-large');
  });

  it('a feed answer whose Content-Length is over the limit is not read at all', async () => {
    const db = new LedgerDb(`limits-${Math.random()}`);
    await saveFeedUrl(db, URL_);
    const { stream, state } = endless(500 * 1024 * 1024);
    const fetch = vi.fn(async () => new Response(stream, { status: 200, headers: { 'content-length': String(500 * 1024 * 1024) } }));
    expect(await refreshFeed(db, { fetch, now: NOW })).toBe('failed');
    expect(state.pulled).toBeLessThanOrEqual(2 * 64 * 1024);
  });

  it('a provider answer of 200 MB is refused after a few kB', async () => {
    const { stream, state } = endless(200 * 1024 * 1024);
    const fetch = vi.fn(async () => new Response(stream, { status: 200 }));
    expect(await requestCode('https://p.example/issue', { rewardId: 'r', requestId: 'q' }, fetch)).toMatchObject({ ok: false, reason: 'provider-garbage' });
    expect(state.pulled).toBeLessThanOrEqual(2 * 64 * 1024);
  });

  it('an import file over the limit is refused by its size, never read', async () => {
    const text = vi.fn(async () => '');
    const huge = { size: 600 * 1024 * 1024, text } as unknown as Blob;
    const read = await readImportFile(huge);
    expect(read).toEqual({ ok: false, error: `The file is 600 MB; the largest file that can be imported is ${MAX_IMPORT_BYTES / 1024 / 1024} MB.` });
    expect(text).not.toHaveBeenCalled();
    expect(await readImportFile(new Blob(['{"format":1}']))).toEqual({ ok: true, text: '{"format":1}' });
  });
});

describe('feed freshness', () => {
  it('an attempt dated in the future is stale: the feed is fetched again once the clock is corrected', async () => {
    const db = new LedgerDb(`fresh-${Math.random()}`);
    await saveFeedUrl(db, URL_);
    const good = catalog([reward({ id: 'feed-reward', codes: { type: 'endpoint', url: 'https://rewards.example/issue' } })]);
    const fetch = vi.fn(async () => new Response(JSON.stringify(good), { status: 200 }));
    const yearAhead = NOW + 365 * 86_400_000;
    expect(await refreshFeed(db, { fetch, now: yearAhead })).toBe('updated');
    expect(await refreshFeed(db, { fetch, now: NOW })).toBe('updated');
    expect(await refreshFeed(db, { fetch, now: NOW + FEED_REFRESH_MS - 1 })).toBe('fresh');
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
