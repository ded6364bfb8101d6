/**
 * The one engine that reads every platform: the page type from the platform's routes, then on a
 * checkout the generic readers (controls, summary rows, item conditions) with the platform's
 * hints and facts, and on a confirmation the order number.
 */
import { ownsHost } from '../platforms/hosts';
import type { ChoiceKind, Observation, PageReading, PageRoutes, PageType, Platform } from '../platforms/types';
import { readChoices, readSecondHand, readStatedChoices, saysOrderPlaced } from './choices';
import { textOf } from './dom';
import { shownOrderNumber } from './order-number';
import { readStatements } from './statements';

type Reading = Omit<PageReading, 'platform'>;
const other = (): Reading => ({ page: 'other', observations: [] });

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

/**
 * The order a confirmation names: the number the page shows in the platform's format (in the
 * element the platform names, else beside an order-number label) wins over an id in the URL,
 * which may be another id altogether (Amazon's purchaseId): the thank-you page and the order's
 * own pages must name the same order.
 */
function orderRef(doc: Document, platform: Platform, fromUrl: string | undefined): string | undefined {
  const number = platform.hints?.orderNumber;
  if (!number) return fromUrl;
  const el = number.where ? doc.querySelector(number.where) : null;
  const m = el ? number.pattern.exec(textOf(el)) : null;
  return (m ? (m[1] ?? m[0]) : shownOrderNumber(doc, number.pattern)) ?? fromUrl;
}

/**
 * What a checkout shows chosen, one observation per kind: the platform's stated lines and item
 * cards first where it names them, then every control, then what the page states in short lines
 * for the kinds still missing. On a market where everything is used, the order is second-hand
 * whatever the item's text says; that text only gives the product category.
 */
export function readCheckout(platform: Platform, doc: Document): Observation[] {
  const hints = platform.hints ?? {};
  const options = { kinds: platform.kinds, hiddenClasses: hints.hiddenClasses };
  const found = new Map<ChoiceKind, Observation>();
  const add = (observations: Observation[]) => observations.forEach((o) => found.has(o.kind) || found.set(o.kind, o));
  if (hints.stated) add(readStatedChoices(doc, hints.stated, options));
  if (hints.items && platform.kinds.includes('second-hand')) {
    const used = readSecondHand(doc, { items: hints.items, alwaysUsed: platform.everythingSecondHand, hiddenClasses: hints.hiddenClasses });
    if (used) add([used]);
  }
  add(readChoices(doc, options));
  const missing = platform.kinds.filter((k) => !found.has(k));
  if (missing.length) add(readStatements(doc, { kinds: missing, hiddenClasses: hints.hiddenClasses }));
  if (platform.everythingSecondHand && !found.has('second-hand')) found.set('second-hand', { kind: 'second-hand', detail: 'other' });
  return [...found.values()];
}

/** Pure and synchronous: what the page at `url` is on `platform`, and what it shows chosen. */
export function readPlatformPage(platform: Platform, url: URL, doc: Document): Reading {
  if (url.protocol !== 'https:' || !ownsHost(platform, url.hostname)) return other();
  const { page, ref } = pageType(url, doc, platform.routes);
  if (page === 'checkout') return { page, observations: readCheckout(platform, doc) };
  if (page === 'other') return other();
  const order = orderRef(doc, platform, ref);
  return order ? { page, observations: [], order: { ref: order } } : { page, observations: [] };
}
