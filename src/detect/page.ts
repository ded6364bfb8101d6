import { ownsHost } from '../core/ids';
import type { Observation, PageReading, PageType } from '../core/kinds';
import { saysOrderPlaced } from './choices';
import { textOf } from './dom';

export interface PageRoutes {
  /** pathname (+ search) of checkout pages */
  checkout: RegExp;
  /** pathname (+ search) of confirmation pages; a first capture group is the order reference */
  confirmation: RegExp;
  /**
   * The shop can confirm on the checkout page itself (a single-page flow): a checkout whose
   * heading says the order went through is then its confirmation. Only such shops read
   * headings on every checkout scan; the others confirm at their confirmation route.
   */
  confirmsInPlace?: boolean;
}

/**
 * The page type, from the URL: the watcher re-reads an 'other' page only when its URL
 * changes. On a shop that confirms in place, a checkout URL whose heading says the order went
 * through is a confirmation.
 */
export function pageType(url: URL, doc: Document, routes: PageRoutes): { page: PageType; ref?: string } {
  const path = url.pathname + url.search;
  const confirmed = routes.confirmation.exec(path);
  if (confirmed) return confirmed[1] ? { page: 'confirmation', ref: decodeURIComponent(confirmed[1]) } : { page: 'confirmation' };
  if (routes.checkout.test(path)) return { page: routes.confirmsInPlace && saysOrderPlaced(doc) ? 'confirmation' : 'checkout' };
  return { page: 'other' };
}

/** The order number shown in one known element, matched by `pattern` (its first group). */
export function refShown(doc: Document, selector: string, pattern: RegExp): string | undefined {
  const el = doc.querySelector(selector);
  if (!el) return undefined;
  const m = pattern.exec(textOf(el));
  return m ? (m[1] ?? m[0]) : undefined;
}

export interface PageSpec {
  /** the platform reading the page: another platform's pages are 'other' to it */
  platform: { hosts: readonly string[] };
  routes: PageRoutes;
  /** what a checkout shows selected */
  read(doc: Document): Observation[];
  /** the order number shown on a confirmation whose URL does not carry it */
  ref?(doc: Document): string | undefined;
}

/** The usual shape of a platform's detect(): page type by URL, choices on checkout, order ref on confirmation. */
export function readPage(url: URL, doc: Document, spec: PageSpec): Omit<PageReading, 'platform'> {
  if (url.protocol !== 'https:' || !ownsHost(spec.platform, url.hostname)) return { page: 'other', observations: [] };
  const { page, ref } = pageType(url, doc, spec.routes);
  if (page === 'checkout') return { page, observations: spec.read(doc) };
  if (page === 'other') return { page, observations: [] };
  const shown = ref ?? spec.ref?.(doc);
  return shown ? { page, observations: [], order: { ref: shown } } : { page, observations: [] };
}
