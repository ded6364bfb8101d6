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

/** The messages.json key of a choice kind's label ("kind_no_cutlery"). */
export const kindMessageKey = (kind: ChoiceKind): string => `kind_${kind.replace(/-/g, '_')}`;

/** The messages.json key of a category's label ("category_food_delivery"). */
export const categoryMessageKey = (category: Category): string => `category_${category.replace(/-/g, '_')}`;
