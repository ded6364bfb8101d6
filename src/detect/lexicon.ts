import type { ChoiceKind } from '../platforms/types';

/**
 * The one multilingual lexicon (en, zh-Hans, zh-Hant, ja, de, fr, es). Phrases are matched
 * against a control's normalized accessible name and attribute hints.
 *
 * - `affirm`: selecting a control with this name IS the low-carbon choice ("No cutlery").
 * - `decline`: a yes/no control with this name left unselected IS the choice
 *   ("Request utensils" switched off). Affirm wins when both match ("Don't include utensils").
 */
export interface KindPhrases {
  affirm: readonly string[];
  decline?: readonly string[];
}

export const LEXICON: Partial<Record<ChoiceKind, KindPhrases>> = {
  'no-cutlery': {
    affirm: [
      'no cutlery', 'no utensils', 'without cutlery', 'without utensils', "don't include utensils",
      'do not include utensils', "don't send cutlery", 'skip utensils', 'no-utensils', 'no_cutlery',
      '无需餐具', '不需要餐具', '不要餐具', '无需筷子', '無需餐具', '不需要餐具', '不用餐具',
      '箸不要', '割り箸不要', 'カトラリー不要', 'スプーン・フォーク不要', 'おはし不要',
      'kein besteck', 'ohne besteck', 'sans couverts', 'pas de couverts', 'sin cubiertos', 'no incluir cubiertos',
    ],
    decline: [
      'request utensils', 'include utensils', 'add cutlery', 'add utensils', 'need cutlery', 'utensils, straws',
      'include cutlery', 'send cutlery', 'cutlery',
      '需要餐具', '添加餐具', '要餐具', '需要筷子',
      '箸を希望', '割り箸を希望', 'カトラリーを希望', 'カトラリーが必要', '割り箸をつける',
      'besteck hinzufügen', 'besteck anfordern', 'ajouter des couverts', 'demander des couverts',
      'añadir cubiertos', 'solicitar cubiertos', 'incluir cubiertos',
    ],
  },
};

/** Lowercase, width-fold (NFKC) and collapse white space. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\u3000]+/g, ' ').trim();
}

export type Polarity = 'affirm' | 'decline';

/** Which kind, and which way round, a control's name speaks of; null when none. */
export function matchPhrase(
  name: string,
  kinds: readonly ChoiceKind[],
): { kind: ChoiceKind; polarity: Polarity } | null {
  const text = normalize(name);
  if (!text) return null;
  for (const kind of kinds) {
    const phrases = LEXICON[kind];
    if (phrases?.affirm.some((p) => text.includes(normalize(p)))) return { kind, polarity: 'affirm' };
  }
  for (const kind of kinds) {
    const phrases = LEXICON[kind];
    if (phrases?.decline?.some((p) => text.includes(normalize(p)))) return { kind, polarity: 'decline' };
  }
  return null;
}

/** Headings that say an order went through. */
export const ORDER_PLACED_PHRASES: readonly string[] = [
  'thanks for your order', 'thank you for your order', 'order placed', 'order confirmed', 'order is confirmed',
  'your order has been placed', 'order received',
  '订单提交成功', '下单成功', '支付成功', '訂單提交成功', '付款成功',
  'ご注文ありがとうございます', 'ご注文を承りました', '注文が確定しました', '注文完了',
  'vielen dank für ihre bestellung', 'bestellung aufgegeben', 'merci pour votre commande', 'commande confirmée',
  'gracias por tu pedido', 'pedido confirmado',
];

/** Names of the button that places an order. */
export const PLACE_ORDER_PHRASES: readonly string[] = [
  'place order', 'place your order', 'place delivery order', 'confirm order', 'buy now', 'complete purchase',
  'submit order', 'pay now', 'confirm and pay',
  '提交订单', '确认下单', '立即下单', '去支付', '确认支付', '提交訂單', '確認下單',
  '注文を確定する', '注文を確定', '注文する', '購入する', 'ご注文を確定',
  'zahlungspflichtig bestellen', 'jetzt kaufen', 'bestellung abschicken',
  'passer la commande', 'commander', 'valider la commande', 'realizar pedido', 'confirmar pedido',
];
