import { isShown, textOf } from './dom';
import { normalize, ORDER_PLACED_PHRASES, PLACE_ORDER_PHRASES } from './lexicon';

/**
 * Strict matching of the two things an order rests on: the control that places it and the
 * heading that confirms it. A page names many things after them ("Learn more about Buy now, pay
 * later", "Can I cancel after I place order?", an FAQ "What happens after 'Order placed'?"), so
 * a mention is not enough: the control's whole name must BE the phrase, and the heading must
 * state it.
 */

/** Controls that can place an order: buttons and submit inputs; links only when they navigate nowhere (Taobao's `a.go-btn`). */
const CONTROLS = 'button, [role=button], input[type=submit], input[type=button], input[type=image], a:not([href]), a[href^="#"], a[href^="javascript:" i]';

/** Prices, counts and punctuation around a button's words: "Place order · $23.45", "提交订单 ¥36.5", "Place Order (2)". */
const DECORATION = /\d[\d.,\s]*(?:元|円|eur|usd|rmb)?|[\p{P}\p{S}]+/gu;

/** A button's own name: aria-labelledby, aria-label, its text, value, title or image alt; never the text around it. */
function ownName(el: Element): string {
  const ids = el.getAttribute('aria-labelledby');
  if (ids) {
    const text = ids
      .split(/\s+/)
      .map((id) => textOf(el.ownerDocument.getElementById(id)))
      .join(' ')
      .trim();
    if (text) return text;
  }
  const aria = el.getAttribute('aria-label')?.trim();
  if (aria) return aria;
  if (el.tagName === 'INPUT') return (el as HTMLInputElement).value || el.getAttribute('alt') || el.getAttribute('title') || '';
  return textOf(el) || el.getAttribute('title') || el.querySelector('img[alt]')?.getAttribute('alt') || '';
}

/** The name with prices, counts and punctuation taken out, normalized: what the control says. */
function bareName(el: Element): string {
  return normalize(ownName(el)).replace(DECORATION, ' ').replace(/\s+/g, ' ').trim();
}

const PHRASES = new Set(PLACE_ORDER_PHRASES);

/** Whether the element itself is a visible, enabled place-order control whose name is exactly the phrase. */
export function isPlaceOrderControl(el: Element): boolean {
  if (!el.matches(CONTROLS)) return false;
  if (el.tagName === 'A' && el.getAttribute('role') === 'link') return false;
  return PHRASES.has(bareName(el)) && isShown(el);
}

/** The place-order button the event's target is part of, if any. */
export function placeOrderButton(target: EventTarget | null): Element | null {
  if (!target || !(target as Element).closest) return null;
  const button = (target as Element).closest(CONTROLS);
  return button && isPlaceOrderControl(button) ? button : null;
}

/** The page's first place-order button, if it has one. */
export function findPlaceOrderButton(doc: Document): Element | null {
  const candidates = doc.querySelectorAll(CONTROLS);
  for (let i = 0; i < candidates.length; i++) if (isPlaceOrderControl(candidates[i])) return candidates[i];
  return null;
}

/** Question words that open a heading asking about an order rather than stating it. */
const QUESTION_START =
  /^(?:what|how|when|why|where|which|who|can|could|do|does|did|is|are|will|should|was|wie|wann|warum|wo|kann|welche|que|quoi|quand|comment|pourquoi|puis|est-ce|qué|cómo|cuándo|por qué|dónde|puedo|什么|如何|怎么|为什么|為什麼|怎樣|どう|いつ|なぜ|何)/u;
const QUESTION_END = /[?？]|(?:か|吗|嗎|呢)\s*[。.!！]?$/u;
const QUOTES = /['"‘’“”«»「」『』]/u;
/** "No order placed yet", "Bestellung nicht bestätigt": a negation among the words before the phrase. */
const NEGATION = /(?<![a-zà-ÿ])(?:no|not|never|nicht|kein|keine|pas|jamais|sin|nunca)(?![a-zà-ÿ])|未|没有|沒有|尚未/u;
/** Words (or CJK characters) a greeting may put before the phrase: "Thank you, your order has been placed". */
const MAX_LEAD_WORDS = 3;
const MAX_LEAD_CJK = 8;
const MAX_HEADING = 100;

/**
 * Whether a heading states that the order went through: it holds a confirmation phrase at its
 * start or after a short greeting, is not a question, does not quote the phrase and does not
 * negate it.
 */
export function statesOrderPlaced(heading: string): boolean {
  const text = normalize(heading);
  if (!text || text.length > MAX_HEADING || QUESTION_START.test(text) || QUESTION_END.test(text)) return false;
  return ORDER_PLACED_PHRASES.some((phrase) => {
    const at = text.indexOf(phrase);
    if (at < 0) return false;
    const lead = text.slice(0, at);
    const next = text.charAt(at + phrase.length);
    if (QUOTES.test(lead.slice(-1)) || QUOTES.test(next) || NEGATION.test(lead)) return false;
    const words = lead.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(phrase);
    return cjk ? lead.replace(/[\s\p{P}]/gu, '').length <= MAX_LEAD_CJK : words.length <= MAX_LEAD_WORDS;
  });
}
