import { readPlatformPage } from '../detect/page';
import { amazon } from './amazon';
import { backmarket } from './backmarket';
import { cainiao } from './cainiao';
import { deliveroo } from './deliveroo';
import { demaecan } from './demaecan';
import { doordash } from './doordash';
import { ebay } from './ebay';
import { eleme } from './eleme';
import { ownsHost } from '../core/ids';
import { instacart } from './instacart';
import { jd } from './jd';
import { meituan } from './meituan';
import { mercari } from './mercari';
import { rakuten } from './rakuten';
import { taobao } from './taobao';
import { tmall } from './tmall';
import type { PageReading } from '../core/kinds';
import type { Platform } from './types';
import { ubereats } from './ubereats';
import { vinted } from './vinted';
import { xianyu } from './xianyu';

/** The only list of platforms. A test checks every file in this folder is listed here. */
export const PLATFORMS: readonly Platform[] = [
  // food delivery
  ubereats, doordash, deliveroo, eleme, meituan, demaecan,
  // marketplaces
  amazon, jd, taobao, tmall, rakuten,
  // second-hand
  ebay, xianyu, mercari, vinted, backmarket,
  // logistics
  cainiao,
  // grocery
  instacart,
];

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
  return { platform: platform.id, ...readPlatformPage(platform, url, doc) };
}
