/**
 * The one engine that reads every platform: the page type from the platform's routes, then on a
 * checkout the generic readers (controls, summary rows, item conditions) with the platform's
 * hints and facts, and on a confirmation the order number.
 */
import { ownsHost } from '../core/ids';
import type { ChoiceKind, Observation, PageReading, PageType } from '../core/kinds';
import { readChoices, readSecondHand, readStatedChoices, saysOrderPlaced } from './choices';
import { textOf } from './dom';
import { shownOrderNumber } from './order-number';
import { readStatements } from './statements';

type Reading = Omit<PageReading, 'platform'>;

/** Where a platform's pages are, by URL path (+ search). */
export interface PageRoutes {
  /** checkout pages */
  checkout: RegExp;
  /**
   * confirmation and order pages; a first capture group is an order reference from the URL,
   * used only where the page shows no order number of the platform's own format
   */
  confirmation: RegExp;
  /**
   * The shop can confirm on the checkout page itself (a single-page flow): a checkout whose
   * heading says the order went through is then its confirmation. Only such shops read
   * headings on every checkout scan; the others confirm at their confirmation route.
   */
  confirmsInPlace?: boolean;
}

/**
 * The few site facts known from real markup. They only speed a reading up, add to it or hide a
 * known decoy: the generic readers run on every platform whether a hint finds anything or not.
 */
export interface PlatformHints {
  /** classes the site hides rows with (its stylesheet may not reach a saved page) */
  hiddenClasses?: readonly string[];
  /** summary lines where the site states a chosen option (JD's invoice line), read first */
  stated?: string;
  /** the elements naming the items bought (title, or a card with title and condition) */
  items?: string;
  /** the order number as the site writes it; `where` names the element that shows it, if known */
  orderNumber?: { pattern: RegExp; where?: string };
}

/** What the engine reads of a platform: the data its file declares (src/platforms/types.ts). */
export interface PlatformSpec {
  /** host names the platform owns; subdomains of each are owned too */
  hosts: readonly string[];
  kinds: readonly ChoiceKind[];
  routes: PageRoutes;
  /** a market where everything sold is used or refurbished: a placed order is second-hand */
  everythingSecondHand?: boolean;
  hints?: PlatformHints;
}
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

/** The page type by address alone (no document): where the checkout script has work. */
export function routedPage(url: URL, routes: PageRoutes): PageType {
  const path = url.pathname + url.search;
  return routes.confirmation.test(path) ? 'confirmation' : routes.checkout.test(path) ? 'checkout' : 'other';
}

/**
 * The order a confirmation names: the number the page shows in the platform's format (in the
 * element the platform names, else beside an order-number label) wins over an id in the URL,
 * which may be another id altogether (Amazon's purchaseId): the thank-you page and the order's
 * own pages must name the same order.
 */
function orderRef(doc: Document, platform: PlatformSpec, fromUrl: string | undefined): string | undefined {
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
export function readCheckout(platform: PlatformSpec, doc: Document): Observation[] {
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
export function readPlatformPage(platform: PlatformSpec, url: URL, doc: Document): Reading {
  if (url.protocol !== 'https:' || !ownsHost(platform, url.hostname)) return other();
  const { page, ref } = pageType(url, doc, platform.routes);
  if (page === 'checkout') return { page, observations: readCheckout(platform, doc) };
  if (page === 'other') return other();
  const order = orderRef(doc, platform, ref);
  return order ? { page, observations: [], order: { ref: order } } : { page, observations: [] };
}
