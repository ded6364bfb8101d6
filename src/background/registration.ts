import type { SubAccount } from '../ledger/db';
import { customHost } from '../core/ids';
import { originPatterns } from '../platforms/hosts';
import { grants, linkOrigins } from '../platforms/links';
import { PLATFORMS } from '../platforms/index';

/** Where the build puts the checkout content script. */
export const CHECKOUT_SCRIPT = 'content-scripts/checkout.js';

export interface RegisteredScript {
  id: string;
  matches?: string[];
  js?: string[];
  runAt?: 'document_start' | 'document_end' | 'document_idle';
}

/** The slice of `permissions` and `scripting` that linking needs. */
export interface RegistrationApi {
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
  scripting: {
    getRegisteredContentScripts(): Promise<RegisteredScript[]>;
    registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  };
}

/** Where the sub-accounts (the user's links) are kept: the ledger's `subAccounts` table. */
export interface LinkStore {
  toArray(): Promise<SubAccount[]>;
  get(platform: string): Promise<SubAccount | undefined>;
  add(row: SubAccount): Promise<unknown>;
}

/** Runs `task` alone among tasks of the same name, across the background and extension pages. */
export type Exclusive = <T>(name: string, task: () => Promise<T>) => Promise<T>;

const scriptId = (id: string) => `checkout-${id}`;

/**
 * Sub-accounts whose checkout script should run: linked by the user and still granted by the
 * browser. Site access revoked in the browser's settings stops the script; the row stays so
 * the page can say so.
 */
export async function activeLinks(api: Pick<RegistrationApi, 'permissions'>, store: LinkStore): Promise<string[]> {
  const ids = (await store.toArray()).map((row) => row.platform).filter((id) => linkOrigins(id));
  const granted = await grants(api, ids);
  return ids.filter((id) => granted.get(id));
}

/**
 * Platforms whose sites the browser grants without a sub-account row become linked: the
 * e2e build starts with every host granted, and a user may grant a platform's sites from the
 * browser's own menu. `added` limits this to the origins a permissions.onAdded event named,
 * so a platform the user unlinked (whose access the browser kept) is not linked again by an
 * unrelated grant. Custom shops are only ever added from the options page.
 */
export async function adoptGranted(
  api: Pick<RegistrationApi, 'permissions'>,
  store: LinkStore,
  now: number,
  added?: readonly string[],
): Promise<string[]> {
  const candidates = PLATFORMS.filter((p) => !added || originPatterns(p).some((o) => added.includes(o)));
  const granted = await grants(api, candidates.map((p) => p.id));
  const adopted: string[] = [];
  for (const p of candidates) {
    if (!granted.get(p.id) || (await store.get(p.id))) continue;
    await store.add({ platform: p.id, linkedAt: now });
    adopted.push(p.id);
  }
  return adopted;
}

/**
 * Makes the registered content scripts match the active links exactly: the checkout script
 * runs on every page of a shop added by its address (only its pages' content can tell a
 * checkout there) and nowhere else. A platform's pages get it from the background, injected at
 * its checkout and confirmation addresses only (src/background/injection.ts). Returns the
 * registered ids.
 */
export async function syncRegistrations(api: RegistrationApi, store: LinkStore): Promise<string[]> {
  const custom = (await activeLinks(api, store)).filter((id) => customHost(id) !== undefined);
  const wanted = new Map(custom.map((id) => [scriptId(id), linkOrigins(id)!]));
  const existing = await api.scripting.getRegisteredContentScripts();
  const stale = existing
    .filter((s) => s.id.startsWith('checkout-'))
    .filter((s) => JSON.stringify(s.matches) !== JSON.stringify(wanted.get(s.id)))
    .map((s) => s.id);
  if (stale.length) await api.scripting.unregisterContentScripts({ ids: stale });
  const present = new Set(existing.map((s) => s.id).filter((id) => !stale.includes(id)));
  const missing = [...wanted].filter(([id]) => !present.has(id));
  if (missing.length) {
    await api.scripting.registerContentScripts(
      missing.map(([id, matches]) => ({ id, matches, js: [CHECKOUT_SCRIPT], runAt: 'document_idle' })),
    );
  }
  return [...wanted.keys()];
}

/** The lock every change of registrations takes. */
export const REGISTRATION_LOCK = 'registrations';

/**
 * Brings links and registrations up to date after a browser event: on install or update every
 * platform the browser already grants is linked, on a grant only the platforms it named.
 */
export async function refreshLinks(
  api: RegistrationApi,
  store: LinkStore,
  exclusive: Exclusive,
  event: { adopt: 'all' | readonly string[] | 'none'; now: number },
): Promise<string[]> {
  return exclusive(REGISTRATION_LOCK, async () => {
    if (event.adopt !== 'none') await adoptGranted(api, store, event.now, event.adopt === 'all' ? undefined : event.adopt);
    return syncRegistrations(api, store);
  });
}
