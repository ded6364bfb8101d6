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
  /** the option's words as the page showed them (its accessible name), shown in the account's history */
  label?: string;
}

export interface PageReading {
  platform: string;
  page: PageType;
  observations: Observation[];
  order?: { ref: string };
}

/** What one platform file declares: where it runs and how to read its pages. */
export interface Platform {
  id: string;
  name: string;
  category: Category;
  /** host names the platform owns; subdomains of each are owned too */
  hosts: readonly string[];
  kinds: readonly ChoiceKind[];
  /** Pure and synchronous: reads the page as a person would. */
  detect(url: URL, doc: Document): Omit<PageReading, 'platform'>;
  /**
   * The display name or masked account id a signed-in page shows, for "linked as …" in
   * Options. Reads visible page text only: never a password, cookie, token or storage.
   */
  identity?(url: URL, doc: Document): string | undefined;
}
