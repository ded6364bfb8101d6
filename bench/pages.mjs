// Generated checkout pages for the benchmark: a real-shaped Uber Eats checkout (the utensils
// switch, delivery options, place-order button) padded with menu rows, option pickers and text
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

/**
 * One padding block: a cart row shaped like the real Amazon checkout capture
 * (../shared/fixtures/real/amazon-com-checkout-2017-norush-pickup.html has 1,376 elements, of
 * which 14 are checkboxes or radios and 258 are <option>s in quantity and address selects):
 * about 43 elements, 10 of them options of a quantity select, and a gift checkbox every other
 * row, so 20,000 elements hold roughly 4,600 options and 230 checkboxes, as that page would.
 */
function block(i) {
  const quantities = Array.from({ length: 10 }, (_, q) => `<option value="${q + 1}"${q === 0 ? ' selected' : ''}>${q + 1}</option>`).join('');
  const gift = i % 2 ? '' : `<label><input type="checkbox" name="gift-${i}"> This item is a gift</label>`;
  return (
    `<div class="item-row" data-i="${i}"><div class="img"><img alt="" width="40" height="40"></div><div class="details">` +
    `<a href="#item-${i}"><span>Item ${i}</span></a>` +
    `<div class="price"><span>$</span><span>${(i % 17) + 3}</span><span>.99</span></div>` +
    `<ul><li>Sold by Example Store</li><li>Ships from Amazon</li><li>In stock</li><li>Eligible for return</li></ul>` +
    `<p>Delivery estimate <b>Thursday</b> <span>if you order within</span> <em>3 hrs</em></p>` +
    `<label>Qty: <select name="quantity-${i}">${quantities}</select></label>${gift}` +
    `<div class="links"><a href="#d">Delete</a> <a href="#s">Save for later</a> <a href="#m">See more like this</a></div>` +
    `<table><tr><td>Subtotal</td><td>$${i % 50}.99</td></tr><tr><td>Tax</td><td>$1.20</td></tr></table></div></div>`
  );
}
const BLOCK_ELEMENTS = 43;
const FIXED_ELEMENTS = 25;

/** A checkout page with about `elements` elements. */
export function checkoutPage(elements) {
  const blocks = Math.max(0, Math.round((elements - FIXED_ELEMENTS) / BLOCK_ELEMENTS));
  let body = '';
  for (let i = 0; i < blocks; i++) body += block(i);
  return `${HEAD}${CORE}<section aria-label="More from this store">${body}</section></main></body></html>`;
}
