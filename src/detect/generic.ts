import { CUSTOM_PREFIX } from '../core/ids';
import type { PageReading } from '../core/kinds';
import { CHOICE_KINDS } from '../core/kinds';
import { readChoices, saysOrderPlaced } from './choices';
import { placeOrderButton } from './place-order';

const BUTTONS = 'button, [role=button], input[type=submit], input[type=button]';

/**
 * Reads a shop the user added by its address, with no adapter: a page whose heading says the
 * order went through is a confirmation; a page with a place-order button is a checkout, read
 * for every choice kind through the multilingual lexicon; anything else is 'other'.
 */
export function detectGeneric(doc: Document): Omit<PageReading, 'platform'> {
  if (saysOrderPlaced(doc)) return { page: 'confirmation', observations: [] };
  const checkout = Array.from(doc.querySelectorAll(BUTTONS)).some((b) => placeOrderButton(b));
  if (!checkout) return { page: 'other', observations: [] };
  return { page: 'checkout', observations: readChoices(doc, { kinds: CHOICE_KINDS }) };
}

/** The reading of a custom shop's page, as sub-account `custom:<host>`; null off https. */
export function detectCustomShop(url: URL, doc: Document): PageReading | null {
  if (url.protocol !== 'https:') return null;
  return { platform: `${CUSTOM_PREFIX}${url.hostname}`, ...detectGeneric(doc) };
}
