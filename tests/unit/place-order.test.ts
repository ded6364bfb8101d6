import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { findPlaceOrderButton, placeOrderButton, statesOrderPlaced } from '../../src/detect/place-order';
import { saysOrderPlaced } from '../../src/detect/choices';

function page(body: string): Document {
  const window = new Window({ url: 'https://shop.example/checkout' });
  window.document.write(`<!doctype html><html><head><title>Checkout</title></head><body>${body}</body></html>`);
  return window.document as unknown as Document;
}

// Finding 3 of issue 16: each of these counted as the place-order control.
const NOT_PLACE_ORDER = [
  '<a href="/help/bnpl">Learn more about Buy now, pay later</a>',
  '<a href="/help/bnpl">Buy now</a>',
  '<button type="button">Add taxpayer ID</button>',
  '<button type="button">Don\'t place order yet — save cart</button>',
  '<a href="/help/cancel">Can I cancel after I place order?</a>',
  '<button type="button">Can I cancel after I place order?</button>',
  '<button type="button">Commanders fan shop</button>',
  '<button type="button">Buy now, pay later</button>',
  '<button type="button" hidden>Place order</button>',
  '<button type="button" disabled>Place order</button>',
  '<button type="button" style="display:none">Place order</button>',
  '<div><span>Place order</span><button type="button">Edit</button></div>',
  '<a href="/checkout/place" role="button-ish">Place order</a>',
  '<button type="button">Place order later</button>',
  '<button type="button">支付方式</button>',
  '<button type="button">注文履歴</button>',
];

const PLACE_ORDER = [
  '<span id="announce" aria-hidden="true"><span>Place your order</span></span><input name="placeYourOrder1" class="a-button-input" type="submit" aria-labelledby="announce">',
  '<button type="button">Place your order</button>',
  '<button type="button">Buy now</button>',
  '<button type="button" data-anchor-id="PlaceOrderButton">Place Order · $23.45</button>',
  '<a class="go-btn" title="提交订单">提交订单</a>',
  '<a class="go-btn" href="javascript:void(0)" title="提交订单"></a>',
  '<div class="submit-btn__button" role="button">提交并支付</div>',
  '<button type="button">去支付 ¥36.50</button>',
  '<button type="button" id="order-submit">提交订单</button>',
  '<button type="button">注文を確定する</button>',
  '<button type="button">Jetzt kaufen</button>',
  '<button type="submit">Zahlungspflichtig bestellen</button>',
  '<button type="button">Commander</button>',
  '<input type="submit" value="Passer la commande">',
  '<button type="button">Realizar pedido</button>',
  '<button type="button"><span>Confirm and pay</span></button>',
];

describe('place-order controls (strict)', () => {
  it.each(NOT_PLACE_ORDER)('is not a place-order control: %s', (html) => {
    const doc = page(html);
    expect(findPlaceOrderButton(doc)).toBeNull();
    for (const el of Array.from(doc.body.querySelectorAll('*'))) expect(placeOrderButton(el)).toBeNull();
  });

  it.each(PLACE_ORDER)('is a place-order control: %s', (html) => {
    const doc = page(html);
    const found = findPlaceOrderButton(doc);
    expect(found).not.toBeNull();
    // A press on the text inside the button counts as a press of the button.
    const inner = found!.querySelector('span') ?? found!;
    expect(placeOrderButton(inner)).toBe(found);
  });

  it('reads the real Amazon capture’s place-order input', async () => {
    const { readFileSync } = await import('node:fs');
    const html = readFileSync('tests/fixtures/real/amazon-com-checkout-2017-norush-pickup.html', 'utf8');
    const doc = page(html.replace(/<script[\s\S]*?<\/script>/gi, ''));
    expect(findPlaceOrderButton(doc)?.getAttribute('name')).toBe('placeYourOrder1');
  });
});

describe('confirmation headings (the heading states it)', () => {
  it.each([
    'Order placed',
    'Thanks for your order',
    'Thank you, your order has been placed.',
    'Thanks for your order, Alex!',
    '支付成功',
    '订单提交成功',
    'ご注文ありがとうございます',
    'Vielen Dank für Ihre Bestellung',
    'Merci pour votre commande !',
    'Gracias por tu pedido',
    'Order placed - Uber Eats',
  ])('states it: %s', (heading) => expect(statesOrderPlaced(heading)).toBe(true));

  it.each([
    "What happens after 'Order placed'?",
    'What happens after "Order placed"',
    'When will I see “Order confirmed”',
    'Order placed?',
    'No order placed yet',
    'Your order has not been placed',
    'Learn what happens after your order has been placed',
    'How do I know my payment successful',
    '如何查看支付成功的订单',
    '支付成功了吗',
    '尚未支付成功',
    'ご注文ありがとうございますか',
    'Wann ist meine Bestellung bestätigt?',
    'Pourquoi ma commande confirmée est-elle en retard ?',
    '¿Cómo sé que mi pedido confirmado llegará?',
    'Checkout',
  ])('does not state it: %s', (heading) => expect(statesOrderPlaced(heading)).toBe(false));

  it('reads a page’s h1/h2 and title, and an FAQ heading is not a confirmation', () => {
    expect(saysOrderPlaced(page('<h1>Checkout</h1><h2>What happens after \'Order placed\'?</h2>'))).toBe(false);
    expect(saysOrderPlaced(page('<h1>Order placed</h1>'))).toBe(true);
  });
});
