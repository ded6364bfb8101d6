import { ownsHost } from './hosts';
import type { PageReading, Platform } from './types';
import { ubereats } from './ubereats';

/** The only list of platforms. A test checks every file in this folder is listed here. */
export const PLATFORMS: readonly Platform[] = [ubereats];

export function platformById(id: string): Platform | undefined {
  return PLATFORMS.find((p) => p.id === id);
}

export function platformForHost(host: string): Platform | undefined {
  return PLATFORMS.find((p) => ownsHost(p, host));
}

/** Pure and synchronous: what the page at `url` offers and the shopper selected; null off-platform. */
export function detectPage(url: URL, doc: Document): PageReading | null {
  if (url.protocol !== 'https:') return null;
  const platform = platformForHost(url.hostname);
  if (!platform) return null;
  return { platform: platform.id, ...platform.detect(url, doc) };
}
