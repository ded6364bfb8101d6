import { accessibleName } from './dom';
import { normalize, PLACE_ORDER_PHRASES } from './lexicon';

const BUTTONS = 'button, [role=button], input[type=submit], input[type=button], a';

/** The place-order button the event's target is part of, if any. */
export function placeOrderButton(target: EventTarget | null): Element | null {
  if (!target || !(target as Element).closest) return null;
  const button = (target as Element).closest(BUTTONS);
  if (!button) return null;
  const name = normalize(`${accessibleName(button)} ${(button as HTMLInputElement).value ?? ''}`);
  return PLACE_ORDER_PHRASES.some((p) => name.includes(p)) ? button : null;
}
