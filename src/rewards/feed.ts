import type { LedgerDb } from '../ledger/db';
import { SAMPLE_PROGRAMME } from './catalog';
import { checkRemoteUrl, parseCatalog, type RewardCatalog } from './format';
import { readLimited } from './limited-body';

/** Settings rows (the ledger's settings table) of the provider feed. */
export const FEED_URL_SETTING = 'rewardsFeedUrl';
export const FEED_STATE_SETTING = 'rewardsFeed';

/** The feed is fetched at most once a day unless the user asks for it. */
export const FEED_REFRESH_MS = 24 * 60 * 60 * 1000;
export const FEED_TIMEOUT_MS = 15_000;
/** A catalog of a few hundred rewards is tens of kB; a larger answer is not read past this. */
export const MAX_FEED_BYTES = 2_000_000;

export type FeedProblemKind = 'unreachable' | 'timeout' | 'http' | 'not-json' | 'too-large' | 'invalid';
export interface FeedProblem {
  kind: FeedProblemKind;
  detail: string;
  at: number;
}

/** What the last fetches left: the last good catalog (if any) and why the latest one failed (if it did). */
export interface FeedState {
  url: string;
  catalog?: unknown;
  fetchedAt?: number;
  attemptedAt: number;
  problem?: FeedProblem;
}

export interface ActiveCatalog {
  catalog: RewardCatalog;
  /** 'sample' until a feed has given a good catalog */
  source: 'sample' | 'feed';
  feedUrl?: string;
  fetchedAt?: number;
  problem?: FeedProblem;
}

function asState(value: unknown): FeedState | undefined {
  const s = value as FeedState | undefined;
  return s && typeof s === 'object' && typeof s.url === 'string' && typeof s.attemptedAt === 'number' ? s : undefined;
}

async function readFeed(db: LedgerDb): Promise<{ url?: string; state?: FeedState }> {
  const [url, state] = await db.settings.bulkGet([FEED_URL_SETTING, FEED_STATE_SETTING]);
  const text = typeof url?.value === 'string' && checkRemoteUrl(url.value).ok ? url.value : undefined;
  const s = asState(state?.value);
  return { url: text, state: s && s.url === text ? s : undefined };
}

/** The configured feed address, if any. */
export async function feedUrl(db: LedgerDb): Promise<string | undefined> {
  return (await readFeed(db)).url;
}

/**
 * The catalog to show: the feed's last good catalog (checked again: settings can come from an
 * imported file), else the bundled sample; with the latest fetch problem, if there is one.
 */
export async function activeCatalog(db: LedgerDb): Promise<ActiveCatalog> {
  const { url, state } = await readFeed(db);
  const problem = state?.problem;
  if (url && state?.catalog !== undefined) {
    const parsed = parseCatalog(state.catalog, url);
    if (parsed.ok) return { catalog: parsed.catalog, source: 'feed', feedUrl: url, fetchedAt: state.fetchedAt, problem };
  }
  return { catalog: SAMPLE_PROGRAMME, source: 'sample', ...(url ? { feedUrl: url } : {}), ...(problem ? { problem } : {}) };
}

export type SaveFeedResult = { ok: true; url: string | undefined } | { ok: false; reason: 'invalid' | 'not-https' };

/** Checks and stores the feed address typed in Options (empty removes it and goes back to the sample). */
export async function saveFeedUrl(db: LedgerDb, typed: string): Promise<SaveFeedResult> {
  const text = typed.trim();
  if (!text) {
    await db.settings.bulkDelete([FEED_URL_SETTING, FEED_STATE_SETTING]);
    return { ok: true, url: undefined };
  }
  const checked = checkRemoteUrl(text);
  if (!checked.ok) return checked;
  const url = checked.url.href;
  await db.transaction('rw', db.settings, async () => {
    const before = await db.settings.get(FEED_URL_SETTING);
    if (before?.value !== url) await db.settings.delete(FEED_STATE_SETTING);
    await db.settings.put({ key: FEED_URL_SETTING, value: url });
  });
  return { ok: true, url };
}

/** The host permission the feed needs ('https://host/*'); none for a provider on this computer. */
export function feedPermission(url: string): string | undefined {
  const u = new URL(url);
  return u.protocol === 'https:' ? `${u.origin}/*` : undefined;
}

type Fetched = { ok: true; catalog: RewardCatalog } | { ok: false; kind: FeedProblemKind; detail: string };

async function fetchCatalog(url: string, fetchFn: typeof fetch, timeoutMs: number): Promise<Fetched> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const response = await fetchFn(url, {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      redirect: 'error',
      cache: 'no-store',
      headers: { accept: 'application/json' },
      signal: abort.signal,
    });
    if (!response.ok) return { ok: false, kind: 'http', detail: `HTTP ${response.status}` };
    const body = await readLimited(response, MAX_FEED_BYTES);
    if (!body.ok) return { ok: false, kind: 'too-large', detail: `more than ${MAX_FEED_BYTES} bytes` };
    const { text } = body;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, kind: 'not-json', detail: 'the answer is not JSON' };
    }
    const parsed = parseCatalog(json, url);
    return parsed.ok ? parsed : { ok: false, kind: 'invalid', detail: parsed.reason };
  } catch (error) {
    return abort.signal.aborted
      ? { ok: false, kind: 'timeout', detail: `no answer within ${timeoutMs / 1000} s` }
      : { ok: false, kind: 'unreachable', detail: String(error) };
  } finally {
    clearTimeout(timer);
  }
}

export type RefreshResult = 'no-feed' | 'fresh' | 'updated' | 'failed';

/**
 * Fetches the configured feed when it was last tried a day or more ago (or when `force`, a
 * user's explicit request). A good answer replaces the catalog; a failed or invalid one keeps
 * the last good catalog and records why. With no feed configured nothing is fetched.
 */
export async function refreshFeed(
  db: LedgerDb,
  deps: { fetch: typeof fetch; now: number; force?: boolean; timeoutMs?: number },
): Promise<RefreshResult> {
  const { url, state } = await readFeed(db);
  if (!url) return 'no-feed';
  // An attempt dated in the future (a clock set forward, then corrected) is stale, not fresh for a year.
  const fresh = state && state.attemptedAt <= deps.now && deps.now - state.attemptedAt < FEED_REFRESH_MS;
  if (!deps.force && fresh) return 'fresh';
  const result = await fetchCatalog(url, deps.fetch, deps.timeoutMs ?? FEED_TIMEOUT_MS);
  return db.transaction('rw', db.settings, async () => {
    // The address may have changed while fetching: an answer for the old one is dropped.
    if ((await db.settings.get(FEED_URL_SETTING))?.value !== url) return 'failed' as const;
    const previous = asState((await db.settings.get(FEED_STATE_SETTING))?.value);
    const kept = previous?.url === url ? previous : undefined;
    const next: FeedState = result.ok
      ? { url, catalog: result.catalog, fetchedAt: deps.now, attemptedAt: deps.now }
      : {
          url,
          ...(kept?.catalog !== undefined ? { catalog: kept.catalog, fetchedAt: kept.fetchedAt } : {}),
          attemptedAt: deps.now,
          problem: { kind: result.kind, detail: result.detail, at: deps.now },
        };
    await db.settings.put({ key: FEED_STATE_SETTING, value: next });
    return result.ok ? ('updated' as const) : ('failed' as const);
  });
}
