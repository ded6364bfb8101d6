import { accessibleName, isShown } from '../detect/dom';
import { mentions, normalize } from '../detect/lexicon';

/** What shops call the field a discount code goes in (en, zh, ja, de, fr, es). */
export const PROMO_FIELD_PHRASES: readonly string[] = [
  'promo code', 'promotion code', 'promo', 'coupon', 'voucher', 'discount code', 'redeem code', 'offer code',
  '优惠码', '优惠券', '兑换码', '折扣码', '促销码', '優惠碼', '優惠券', '折扣碼', '红包码',
  'クーポン', 'プロモーションコード', 'プロモコード', '割引コード', 'キャンペーンコード', 'クーポンコード',
  'gutschein', 'rabattcode', 'aktionscode', 'code promo', 'code de réduction', 'bon de réduction',
  'código promocional', 'cupón', 'código de descuento',
];

/** Machine names for the same field: name, id, autocomplete, data-testid. */
const PROMO_HINT = /promo|coupon|voucher|discount.?code|redeem/i;

const TEXT_INPUTS = 'input:not([type]), input[type=text], input[type=search]';

/**
 * The promo-code field of a checkout, found by meaning: a visible, editable text input whose
 * accessible name or placeholder says promo/coupon/voucher/优惠码/クーポン…, or whose machine
 * name does. Only text inputs are visited. Null when there is none.
 */
export function findPromoField(doc: Document): HTMLInputElement | null {
  for (const input of Array.from(doc.querySelectorAll<HTMLInputElement>(TEXT_INPUTS))) {
    if (input.readOnly || !isShown(input)) continue;
    const words = normalize(`${accessibleName(input)} ${input.placeholder ?? ''}`);
    const hints = ['name', 'id', 'autocomplete', 'data-testid'].map((a) => input.getAttribute(a) ?? '').join(' ');
    if (mentions(words, PROMO_FIELD_PHRASES) || PROMO_HINT.test(hints)) return input;
  }
  return null;
}

/**
 * Types `code` into the field as a person would, so the shop's own scripts (React and the like
 * track the native value setter) see it: focus, set, then input and change events. Never submits.
 */
export function fillPromoField(input: HTMLInputElement, code: string): void {
  const view = input.ownerDocument.defaultView;
  input.focus();
  const setter = view ? Object.getOwnPropertyDescriptor(view.HTMLInputElement.prototype, 'value')?.set : undefined;
  if (setter) setter.call(input, code);
  else input.value = code;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
