import { CUSTOM_PREFIX } from '../core/ids';
import type { PageReading } from '../core/kinds';
import { CHOICE_KINDS } from '../core/kinds';
import { readChoices, saysOrderPlaced } from './choices';
import { findPlaceOrderButton } from './place-order';

/**
 * Reads a shop the user added by its address, with no adapter: a page whose heading says the
 * order went through is a confirmation; a page with a place-order button is a checkout, read
 * for every choice kind through the multilingual lexicon; anything else is 'other'.
 */
export function detectGeneric(doc: Document): Omit<PageReading, 'platform'> {
  if (saysOrderPlaced(doc)) return { page: 'confirmation', observations: [] };
  if (!findPlaceOrderButton(doc)) return { page: 'other', observations: [] };
  return { page: 'checkout', observations: readChoices(doc, { kinds: CHOICE_KINDS }) };
}

/** The reading of a custom shop's page, as sub-account `custom:<host>`; null off https. */
export function detectCustomShop(url: URL, doc: Document): PageReading | null {
  if (url.protocol !== 'https:') return null;
  return { platform: `${CUSTOM_PREFIX}${url.hostname}`, ...detectGeneric(doc) };
}
