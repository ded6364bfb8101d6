import type { Platform } from './types';

/** True when `host` is one of the platform's hosts or a subdomain of one. */
export function ownsHost(platform: Pick<Platform, 'hosts'>, host: string): boolean {
  const h = host.toLowerCase();
  return platform.hosts.some((owned) => h === owned || h.endsWith('.' + owned));
}

/** Match patterns for the platform's sites, for permissions and content-script registration. */
export function originPatterns(platform: Pick<Platform, 'hosts'>): string[] {
  return platform.hosts.flatMap((h) => [`https://${h}/*`, `https://*.${h}/*`]);
}
