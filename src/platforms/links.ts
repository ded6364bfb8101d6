import { customHost, isShopHost } from '../core/ids';
import { originPatterns } from './hosts';
import { platformById } from './index';

/** The slice of `permissions` that tells whether the browser grants some sites. */
export interface AccessApi {
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
}

/**
 * The origins a sub-account's checkout script runs on: a platform's hosts and their
 * subdomains, or exactly the one host of a custom shop.
 */
export function linkOrigins(id: string): string[] | undefined {
  const host = customHost(id);
  if (host !== undefined) return isShopHost(host) ? [`https://${host}/*`] : undefined;
  const platform = platformById(id);
  return platform && originPatterns(platform);
}

/** Whether the browser grants each sub-account's origins. */
export async function grants(api: AccessApi, ids: readonly string[]): Promise<Map<string, boolean>> {
  const granted = await Promise.all(
    ids.map((id) => {
      const origins = linkOrigins(id);
      return origins ? api.permissions.contains({ origins }) : Promise.resolve(false);
    }),
  );
  return new Map(ids.map((id, i) => [id, granted[i]]));
}
