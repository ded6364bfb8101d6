import { CUSTOM_PREFIX, customHost, isShopHost } from '../../core/ids';
import { grants, linkOrigins, type AccessApi } from '../../platforms/links';
import type { LedgerDb, SubAccount, Total } from '../../ledger/db';
import { PLATFORMS, platformForHost } from '../../platforms/index';
import type { Category } from '../../core/kinds';

/** What linking needs from the browser: asking for, checking and giving back site access. */
export interface LinkApi extends AccessApi {
  permissions: AccessApi['permissions'] & {
    request(p: { origins: string[] }): Promise<boolean>;
    remove(p: { origins: string[] }): Promise<boolean>;
  };
}

export interface LinkDeps {
  api: LinkApi;
  db: LedgerDb;
  now(): number;
  /** asks the background, the one owner of registrations, to make them follow the links */
  linksChanged(): Promise<unknown>;
  /** removes a sub-account's actions and their share of the totals (the ledger's function) */
  deleteHistory(db: LedgerDb, platform: string): Promise<unknown>;
}

export type LinkProblem = 'refused' | 'unknown' | 'failed';
export type LinkResult = { ok: true; id: string } | { ok: false; problem: LinkProblem; detail?: string };

/**
 * Links a platform or custom shop. Must be called straight from the user's click: the browser
 * asks for site access only while that click is being handled, so `permissions.request` is the
 * first thing done, before any await. A refused request registers nothing and writes nothing.
 */
export function link(deps: LinkDeps, id: string): Promise<LinkResult> {
  const origins = linkOrigins(id);
  if (!origins) return Promise.resolve({ ok: false, problem: 'unknown' });
  const asked = deps.api.permissions.request({ origins });
  return asked.then(
    async (granted): Promise<LinkResult> => {
      if (!granted) return { ok: false, problem: 'refused' };
      try {
        await deps.db.transaction('rw', deps.db.subAccounts, async () => {
          if (!(await deps.db.subAccounts.get(id))) await deps.db.subAccounts.add({ platform: id, linkedAt: deps.now() });
        });
        await deps.linksChanged();
        return { ok: true, id };
      } catch (error) {
        return { ok: false, problem: 'failed', detail: String(error) };
      }
    },
    (error: unknown): LinkResult => ({ ok: false, problem: 'failed', detail: String(error) }),
  );
}

export interface UnlinkResult {
  /** the browser kept the site access (a build that grants the hosts up front): nothing runs there anyway */
  accessKept: boolean;
  deletedHistory: boolean;
}

/**
 * Unlinks a sub-account: its checkout script stops, the browser's site access is given back,
 * and its history is kept or deleted as the user chose.
 */
export async function unlink(deps: LinkDeps, id: string, options: { deleteHistory: boolean }): Promise<UnlinkResult> {
  const origins = linkOrigins(id) ?? [];
  await deps.db.subAccounts.delete(id);
  await deps.linksChanged();
  let accessKept = false;
  if (origins.length) {
    try {
      await deps.api.permissions.remove({ origins });
    } catch {
      // Required hosts (the e2e build) cannot be given back; without the row nothing runs there.
      accessKept = true;
    }
  }
  if (options.deleteHistory) await deps.deleteHistory(deps.db, id);
  return { accessKept, deletedHistory: options.deleteHistory };
}

/** Saves the user's own name for a sub-account; an empty label removes it. */
export async function setLabel(db: LedgerDb, id: string, label: string): Promise<void> {
  const clean = label.trim().slice(0, 64);
  await db.subAccounts.update(id, clean ? { label: clean } : { label: undefined });
}

export type ShopAddress = { ok: true; host: string; id: string } | { ok: false; problem: 'invalid' | 'platform'; platform?: string };

/**
 * The custom shop a typed address means: "shop.example", "https://shop.example/cart" or
 * "www.shop.example" all give its host. A supported platform's address points to that
 * platform instead, so its own adapter reads it.
 */
export function parseShopAddress(input: string): ShopAddress {
  const text = input.trim().toLowerCase();
  if (!text) return { ok: false, problem: 'invalid' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'invalid' };
  const host = url.hostname;
  if (!isShopHost(host)) return { ok: false, problem: 'invalid' };
  const platform = platformForHost(host);
  if (platform) return { ok: false, problem: 'platform', platform: platform.id };
  return { ok: true, host, id: `${CUSTOM_PREFIX}${host}` };
}

export type LinkStatus = 'linked' | 'not-linked' | 'access-removed';

export interface AccountRow {
  id: string;
  name: string;
  category: Category | 'custom';
  status: LinkStatus;
  sub?: SubAccount;
  total?: Total;
}

/**
 * Every platform, then every custom shop, with its status: linked (row and site access),
 * not linked, or access removed (linked, but the browser's settings took the access away).
 */
export async function accountRows(api: AccessApi, db: LedgerDb): Promise<AccountRow[]> {
  // Dexie reads first, then the browser's: a liveQuery tracks the tables read before other awaits.
  const [subRows, totalRows] = await Promise.all([db.subAccounts.toArray(), db.totals.where('key').startsWith('platform:').toArray()]);
  const subs = new Map(subRows.map((s) => [s.platform, s]));
  const totals = new Map(totalRows.map((t) => [t.key.slice('platform:'.length), t]));
  const custom = [...subs.keys()].filter((id) => customHost(id) !== undefined).sort();
  const ids = [...PLATFORMS.map((p) => p.id), ...custom];
  const granted = await grants(api, ids);
  return ids.map((id) => {
    const platform = PLATFORMS.find((p) => p.id === id);
    const sub = subs.get(id);
    const status: LinkStatus = !sub ? 'not-linked' : granted.get(id) ? 'linked' : 'access-removed';
    return {
      id,
      name: platform?.name ?? customHost(id)!,
      category: platform?.category ?? 'custom',
      status,
      ...(sub ? { sub } : {}),
      ...(totals.has(id) ? { total: totals.get(id) } : {}),
    };
  });
}

/**
 * Deletes the whole account (the ledger's deleteEverything) and, since no sub-account is left,
 * stops every checkout script and gives back the site access of every shop that was linked.
 */
export async function deleteAccount(deps: LinkDeps, deleteEverything: (db: LedgerDb) => Promise<void>): Promise<void> {
  const linked = (await deps.db.subAccounts.toArray()).map((s) => s.platform);
  await deleteEverything(deps.db);
  await deps.linksChanged();
  const origins = linked.flatMap((id) => linkOrigins(id) ?? []);
  // Required hosts (the e2e build) cannot be given back; without rows nothing runs there.
  if (origins.length) await deps.api.permissions.remove({ origins }).catch(() => false);
}

/** After an import: links it brought whose sites are still granted get their script again. */
export async function afterImport(deps: LinkDeps): Promise<unknown> {
  return deps.linksChanged();
}
