import { originPatterns } from '../platforms/hosts';
import { PLATFORMS } from '../platforms/index';
import type { Platform } from '../platforms/types';

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

const scriptId = (platform: Platform) => `checkout-${platform.id}`;

/** Platforms whose sites the user has granted: the linked sub-accounts. */
export async function linkedPlatforms(api: Pick<RegistrationApi, 'permissions'>): Promise<Platform[]> {
  const granted = await Promise.all(PLATFORMS.map((p) => api.permissions.contains({ origins: originPatterns(p) })));
  return PLATFORMS.filter((_, i) => granted[i]);
}

/**
 * Makes the registered content scripts match the granted host permissions exactly: the
 * checkout script runs on linked platforms and nowhere else.
 */
export async function syncRegistrations(api: RegistrationApi): Promise<string[]> {
  const linked = await linkedPlatforms(api);
  const wanted = new Map(linked.map((p) => [scriptId(p), originPatterns(p)]));
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
