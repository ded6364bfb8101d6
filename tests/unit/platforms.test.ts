import { describe, expect, it } from 'vitest';
import { detectPage, PLATFORMS } from '../../src/platforms/index';
import type { PageReading } from '../../src/core/kinds';
import { realLabels } from '../helpers/labels';
import { htmlPage, loadPage, kindsOnly } from '../helpers/page';
import { CASES } from './platform-cases';

const sorted = (r: PageReading | null) =>
  r && { ...r, observations: [...r.observations].sort((a, b) => a.kind.localeCompare(b.kind)) };

describe('every platform reads its fixture pages', () => {
  it.each(CASES.map((c) => [c.file, c] as const))('%s', (_, c) => {
    const { url, doc } = loadPage(c.file, c.url);
    expect(sorted(kindsOnly(detectPage(url, doc)))).toEqual(sorted(c.expected));
  });

  it('has, for every platform, a chosen checkout, a page with nothing chosen and a confirmation', () => {
    for (const p of PLATFORMS) {
      const mine = CASES.filter((c) => c.expected.platform === p.id);
      expect(mine.some((c) => c.expected.page === 'checkout' && c.expected.observations.length > 0), p.id).toBe(true);
      expect(mine.some((c) => c.expected.observations.length === 0 && c.expected.page !== 'confirmation'), p.id).toBe(true);
      expect(mine.some((c) => c.expected.page === 'confirmation'), p.id).toBe(true);
    }
  });

  it('detects every kind each platform declares on some fixture or real capture', () => {
    for (const p of PLATFORMS) {
      const seen = new Set(CASES.filter((c) => c.expected.platform === p.id).flatMap((c) => c.expected.observations.map((o) => o.kind)));
      for (const label of realLabels().filter((l) => l.platform === p.id)) label.must.forEach((k) => seen.add(k));
      expect([...seen].sort(), p.id).toEqual([...p.kinds].sort());
    }
  });
});

describe('a checkout that confirms in place', () => {
  // What Instacart's single-page checkout shows once the order went through (its fixture's script does the same).
  const placed = '<!doctype html><title>Order placed</title><main><h1>Order placed</h1><p>Order #58290017731</p></main>';

  it('is a confirmation on a shop that declares it confirms in place', () => {
    const { url, doc } = htmlPage(placed, 'https://www.instacart.com/store/checkout');
    expect(kindsOnly(detectPage(url, doc))?.page).toBe('confirmation');
  });

  it('is still a checkout on a shop that confirms at its own route (its heading is not read)', () => {
    const { url, doc } = htmlPage(placed, 'https://www.ubereats.com/checkout');
    expect(kindsOnly(detectPage(url, doc))).toEqual({ platform: 'ubereats', page: 'checkout', observations: [] });
  });
});
