import { describe, expect, it } from 'vitest';
import { detectPage } from '../../src/platforms/index';
import { misreadings, realHtml, realLabels, STILL_MISREAD } from '../helpers/labels';
import { htmlPage, kindsOnly } from '../helpers/page';

/** Real shop pages (see tests/fixtures/real/PROVENANCE.md): a detector that misreads them is wrong. */
const real = (file: string, url: string) => htmlPage(realHtml({ file }), url);

const AMAZON = 'https://www.amazon.com/gp/buy/spc/handlers/display.html?hasWorkingJavascript=1';
const JD = 'https://trade.jd.com/shopping/order/getOrderInfo.action';

describe('real captures read as their labels (happy-dom)', () => {
  for (const label of realLabels()) {
    (STILL_MISREAD.has(label.file) ? it.fails : it)(label.file, () => {
      const { url, doc } = real(label.file, label.url);
      expect(misreadings(detectPage(url, doc), label), label.why).toEqual([]);
    });
  }
});

describe('real captures, changed as a shopper would', () => {
  it('Amazon 2017: with the No-Rush radio checked, slow-shipping', () => {
    const { url, doc } = real('amazon-com-checkout-2017-norush-pickup.html', AMAZON);
    const noRush = doc.querySelector<HTMLInputElement>('input[type=radio][value="no-rush-delivery"]')!;
    noRush.checked = true;
    expect(doc.querySelector<HTMLInputElement>('input[name=order0][value=second]')!.checked).toBe(false);
    expect(kindsOnly(detectPage(url, doc))).toEqual({ platform: 'amazon', page: 'checkout', observations: [{ kind: 'slow-shipping' }] });
  });

  it('JD 2018: when JD shows the 循环包装 row (drops `hide`), its checked box is a choice', () => {
    const { url, doc } = real('jd-com-checkout-2018-excerpt.html', JD);
    expect(doc.querySelector<HTMLInputElement>('#packaging_services_check')!.checked).toBe(true);
    const row = doc.querySelector<HTMLElement>('#packaging_services_li')!;
    row.classList.remove('hide');
    row.style.display = '';
    expect(kindsOnly(detectPage(url, doc))?.observations).toEqual([{ kind: 'e-invoice' }, { kind: 'reusable-packaging' }]);
  });

  it('DoorDash 2022 store listing read as if at checkout: nothing', () => {
    const asCheckout = real('doordash-com-store-listing-2022-negative.html', 'https://www.doordash.com/consumer/checkout/');
    expect(kindsOnly(detectPage(asCheckout.url, asCheckout.doc))?.observations).toEqual([]);
  });
});
