import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlatformPage } from '../../src/detect/page';
import { detectPage, platformById, PLATFORMS } from '../../src/platforms/index';
import { FIXTURES, htmlPage } from '../helpers/page';
import type { PageReading } from '../../src/core/kinds';
import { CASES } from './platform-cases';

const REAL = [
  { file: 'amazon-com-checkout-2017-norush-pickup.html', url: 'https://www.amazon.com/gp/buy/spc/handlers/display.html', platform: 'amazon' },
  { file: 'jd-com-checkout-2018-excerpt.html', url: 'https://trade.jd.com/shopping/order/getOrderInfo.action', platform: 'jd' },
  { file: 'doordash-com-store-listing-2022-negative.html', url: 'https://www.doordash.com/store/1194616/', platform: 'doordash' },
];
interface Page {
  file: string;
  url: string;
  platform: string;
  html: string;
  /** what a correct reading finds, for our own fixtures */
  expected?: PageReading;
}
const PAGES: Page[] = [
  ...CASES.map((c) => ({ ...c, platform: c.expected.platform, html: readFileSync(resolve(FIXTURES, c.file), 'utf8') })),
  ...REAL.map((r) => ({ ...r, html: readFileSync(resolve(FIXTURES, '../real', r.file), 'utf8') })),
];

/** Each platform's checkout address, where it reads whatever page it is given. */
const CHECKOUT_URL = new Map(
  PLATFORMS.map((p) => [p.id, CASES.find((c) => c.expected.platform === p.id && c.expected.page === 'checkout')!.url]),
);

describe('cross-negative matrix', () => {
  const parsed = PAGES.map((page) => ({ page, ...htmlPage(page.html, page.url) }));

  it.each(PLATFORMS.map((p) => [p.id, p] as const))('%s reads nothing on any other platform’s pages', (_, platform) => {
    for (const { page, url, doc } of parsed.filter((pg) => pg.page.platform !== platform.id)) {
      expect(readPlatformPage(platform, url, doc), `${platform.id} on ${page.file}`).toEqual({ page: 'other', observations: [] });
    }
  });

  it('finds none of a checkout’s own kinds chosen, for any platform, where its own reading finds none', () => {
    for (const { page, doc } of parsed) {
      if (page.expected?.page !== 'checkout' || page.expected.observations.length) continue;
      const own = new Set(platformById(page.platform)!.kinds);
      for (const platform of PLATFORMS) {
        const reading = readPlatformPage(platform, new URL(CHECKOUT_URL.get(platform.id)!), doc);
        // A market where everything is used reads any order at its checkout as second-hand, by definition.
        const invented = reading.observations.filter((o) => own.has(o.kind) && !(platform.everythingSecondHand && o.kind === 'second-hand'));
        expect(invented, `${platform.id} at its checkout on ${page.file}`).toEqual([]);
      }
    }
  });

  it('gives null for every fixture page served by a site that is no platform', () => {
    const impostors = (u: URL) => [
      `https://example.com${u.pathname}${u.search}`,
      `https://${u.hostname}.evil.example${u.pathname}${u.search}`,
      `https://${u.hostname.replace(/\./g, '-')}.example${u.pathname}`,
      `http://${u.hostname}${u.pathname}${u.search}`,
      `https://localhost${u.pathname}`,
    ];
    for (const { page, doc } of parsed) {
      for (const address of impostors(new URL(page.url))) {
        expect(detectPage(new URL(address), doc), `${page.file} at ${address}`).toBeNull();
      }
    }
  });

  it('reads a platform’s non-checkout pages as other, with nothing chosen', () => {
    for (const { page, doc } of parsed) {
      const url = new URL('/help/contact', page.url);
      expect(detectPage(url, doc), page.file).toEqual({ platform: page.platform, page: 'other', observations: [] });
    }
  });
});
