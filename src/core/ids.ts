/** Sub-account id prefix of a shop the user added by its address: `custom:<host>`. */
export const CUSTOM_PREFIX = 'custom:';

/** A platform's id, or `custom:<host>` for a shop the user added by its address. */
export const PLATFORM_ID_PATTERN = /^(?:[a-z0-9-]{2,32}|custom:[a-z0-9.-]{3,253})$/;

/** The host of a custom shop's sub-account id, or undefined for a platform id. */
export function customHost(id: string): string | undefined {
  return id.startsWith(CUSTOM_PREFIX) ? id.slice(CUSTOM_PREFIX.length) : undefined;
}

/** A host name a custom shop may have: lower-case DNS labels with at least one dot. */
export function isShopHost(host: string): boolean {
  return host.length <= 253 && /^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/.test(host) && !/^[0-9.]+$/.test(host);
}

/** True when `host` is one of a platform's hosts or a subdomain of one. */
export function ownsHost(platform: { hosts: readonly string[] }, host: string): boolean {
  const h = host.toLowerCase();
  return platform.hosts.some((owned) => h === owned || h.endsWith('.' + owned));
}
