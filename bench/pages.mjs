// Generated checkout pages for the benchmark: a real-shaped Uber Eats checkout (the utensils
// switch, delivery options, place-order button) padded with rows shaped like a real checkout
// until it has the requested number of elements.

const HEAD = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Checkout | Uber Eats</title>
<style>.row{display:flex;justify-content:space-between;padding:4px 0}</style></head><body>`;

const CORE = `<header><a href="/">Uber Eats</a></header><main><section aria-labelledby="d"><h2 id="d">Delivery details</h2>
<div role="radiogroup" aria-label="Delivery options">
<label class="row"><span>Priority</span><input type="radio" name="delivery-option" value="priority"></label>
<label class="row"><span>Standard</span><input type="radio" name="delivery-option" value="standard" checked></label></div></section>
<section aria-labelledby="c"><h2 id="c">Your items</h2><div class="row"><span id="utensils-label">Request utensils, straws, etc.</span>
<button type="button" role="switch" aria-checked="false" aria-labelledby="utensils-label"></button></div></section>
<button type="button" data-testid="place-order">Place order</button>`;

const COUNTRIES = 246;
const QUANTITIES = 12;

/** `<option>`s 1…n, the first selected. */
const options = (n, label) =>
  Array.from({ length: n }, (_, k) => `<option value="${k + 1}"${k === 0 ? ' selected' : ''}>${label}${k + 1}</option>`).join('');

/**
 * One padding row of about 90 elements, and in every tenth row one long select. Ten rows have
 * the make-up of the real Amazon checkout capture
 * (../shared/fixtures/real/amazon-com-checkout-2017-norush-pickup.html, 1,371 elements): two
 * selects (a 12-option quantity and a 246-option country list, so about one element in five is
 * an <option>), 14 checkboxes and radios, 75 hidden, 13 submit and 10 text inputs, 27 labels,
 * 16 role attributes (role=button and landmarks), 16 <h3>s, and divs and spans for the rest.
 */
function block(i) {
  const hidden = Array.from({ length: i % 4 ? 7 : 9 }, (_, k) => `<input type="hidden" name="h-${i}-${k}" value="v${k}">`).join('');
  const choice =
    i % 3 === 2
      ? `<label><input type="radio" name="speed-${i}" value="a"> One-day</label><label><input type="radio" name="speed-${i}" value="b" checked> FREE Shipping</label>`
      : `<label><input type="checkbox" name="gift-${i}"> This item is a gift</label>`;
  const select =
    i % 10 === 9
      ? `<label>Qty: <select name="quantity-${i}">${options(QUANTITIES, '')}</select></label>`
      : i % 10 === 4
        ? `<label>Country/Region <select name="country-${i}">${options(COUNTRIES, 'Country ')}</select></label>`
        : '';
  const spans = Array.from({ length: 12 }, (_, k) => `<span class="a-size-small">${k % 3 ? 'Prime' : 'Details'}</span>`).join('');
  const divs = Array.from({ length: 20 }, (_, k) => `<div class="a-row a-spacing-mini"><div class="a-column">${k}</div></div>`).join('');
  return (
    `<div class="item-row" data-i="${i}"><form method="post" action="#">${hidden}<div class="img"><img alt="" width="40" height="40"></div>` +
    `<div class="details"><h3><a href="#item-${i}"><span>Item ${i}</span></a></h3>` +
    `<div class="price"><span>$</span><span>${(i % 17) + 3}</span><span>.99</span></div>` +
    `<p>Delivery estimate <b>Thursday</b> <span>if you order within</span> <i>3 hrs</i></p>` +
    `${choice}${select}<label>Gift message <input type="text" name="msg-${i}"></label>` +
    `<span role="button" tabindex="0" class="a-button">Change</span><input type="submit" value="Save">` +
    `<div class="links"><a href="#d">Delete</a> <a href="#s">Save for later</a></div>${spans}${divs}` +
    `<table><tbody><tr><td>Subtotal</td><td>$${i % 50}.99</td></tr></tbody></table></div></form></div>`
  );
}

const elementsIn = (html) => html.match(/<[a-z]/g)?.length ?? 0;

/** A checkout page of exactly `elements` elements: whole rows, then plain spans to make up the count. */
export function checkoutPage(elements) {
  let count = elementsIn(HEAD + CORE) + 1;
  let body = '';
  for (let i = 0; ; i++) {
    const row = block(i);
    const next = count + elementsIn(row);
    if (next > elements) break;
    body += row;
    count = next;
  }
  body += '<span></span>'.repeat(Math.max(0, elements - count));
  return `${HEAD}${CORE}<section aria-label="More from this store">${body}</section></main></body></html>`;
}
