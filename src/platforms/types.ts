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

/** Where a platform's checkout and confirmation pages are, by their address. */
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

/** What one platform file declares: where it runs and how to read its pages. */
export interface Platform {
  id: string;
  name: string;
  category: Category;
  /** host names the platform owns; subdomains of each are owned too */
  hosts: readonly string[];
  kinds: readonly ChoiceKind[];
  /** its checkout and confirmation addresses: the background injects the checkout script there only */
  routes: PageRoutes;
  /** Pure and synchronous: reads the page as a person would. */
  detect(url: URL, doc: Document): Omit<PageReading, 'platform'>;
  /**
   * The display name or masked account id a signed-in page shows, for "linked as …" in
   * Options. Reads visible page text only: never a password, cookie, token or storage.
   */
  identity?(url: URL, doc: Document): string | undefined;
}
