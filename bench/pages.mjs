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

/** One padding block: 12 elements, one of them a form control the detectors must look at and reject. */
function block(i) {
  return (
    `<div class="row" data-i="${i}"><span>Item ${i}</span><span>$${(i % 17) + 3}.99</span>` +
    `<ul><li>Extra cheese</li><li>No onions</li></ul>` +
    `<label><input type="checkbox" name="extra-${i}"> Add side salad ${i}</label>` +
    `<p>Freshly made, serves ${1 + (i % 3)}. <em>Popular</em> <strong>new</strong></p></div>`
  );
}
const BLOCK_ELEMENTS = 12;
const FIXED_ELEMENTS = 25;

/** A checkout page with about `elements` elements. */
export function checkoutPage(elements) {
  const blocks = Math.max(0, Math.round((elements - FIXED_ELEMENTS) / BLOCK_ELEMENTS));
  let body = '';
  for (let i = 0; i < blocks; i++) body += block(i);
  return `${HEAD}${CORE}<section aria-label="More from this store">${body}</section></main></body></html>`;
}
