/** The product's vocabulary for what a page offers and what a shopper chose. */
export const CHOICE_KINDS = [
  'no-cutlery',
  'e-invoice',
  'reusable-packaging',
  'consolidated-shipping',
  'slow-shipping',
  'pickup-point',
  'unattended-delivery',
  'second-hand',
  'packaging-return',
  'no-plastic-bag',
  'green-delivery-slot',
] as const;
export type ChoiceKind = (typeof CHOICE_KINDS)[number];

export const CATEGORIES = ['food-delivery', 'marketplace', 'second-hand', 'logistics', 'grocery'] as const;
export type Category = (typeof CATEGORIES)[number];

export type PageType = 'checkout' | 'confirmation' | 'other';

/** A choice seen on a page, not yet committed. */
export interface Observation {
  kind: ChoiceKind;
  /** e.g. the second-hand product category */
  detail?: string;
  /** true when the page offered this choice already selected and the shopper left it so */
  wasDefault?: boolean;
}

export interface PageReading {
  platform: string;
  page: PageType;
  observations: Observation[];
  order?: { ref: string };
}

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

/** What one platform file declares: plain data that the one engine (src/detect/page.ts) reads. */
export interface Platform {
  id: string;
  name: string;
  category: Category;
  /** host names the platform owns; subdomains of each are owned too */
  hosts: readonly string[];
  kinds: readonly ChoiceKind[];
  routes: PageRoutes;
  /** a market where everything sold is used or refurbished: a placed order is second-hand */
  everythingSecondHand?: boolean;
  hints?: PlatformHints;
  /**
   * The display name or masked account id a signed-in page shows, for "linked as …" in
   * Options. Reads visible page text only: never a password, cookie, token or storage.
   */
  identity?(url: URL, doc: Document): string | undefined;
}
