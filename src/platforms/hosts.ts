import type { Platform } from './types';

/** Match patterns for the platform's sites, for permissions and content-script registration. */
export function originPatterns(platform: Pick<Platform, 'hosts'>): string[] {
  return platform.hosts.flatMap((h) => [`https://${h}/*`, `https://*.${h}/*`]);
}
