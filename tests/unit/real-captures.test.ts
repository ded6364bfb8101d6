import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectPage } from '../../src/platforms/index';
import { htmlPage, kindsOnly } from '../helpers/page';

/** Real shop pages (see tests/fixtures/real/PROVENANCE.md): a detector that misreads them is wrong. */
const REAL = resolve(import.meta.dirname, '../fixtures/real');
const real = (file: string, url: string) => htmlPage(readFileSync(resolve(REAL, file), 'utf8'), url);

const AMAZON = 'https://www.amazon.com/gp/buy/spc/handlers/display.html?hasWorkingJavascript=1';
const JD = 'https://trade.jd.com/shopping/order/getOrderInfo.action';

describe('real captures', () => {
  it('Amazon 2017: Two-Day checked, No-Rush and pickup offered: nothing selected', () => {
    const { url, doc } = real('amazon-com-checkout-2017-norush-pickup.html', AMAZON);
    expect(kindsOnly(detectPage(url, doc))).toEqual({ platform: 'amazon', page: 'checkout', observations: [] });
  });

  it('Amazon 2017: with the No-Rush radio checked, slow-shipping', () => {
    const { url, doc } = real('amazon-com-checkout-2017-norush-pickup.html', AMAZON);
    const noRush = doc.querySelector<HTMLInputElement>('input[type=radio][value="no-rush-delivery"]')!;
    noRush.checked = true;
    expect(doc.querySelector<HTMLInputElement>('input[name=order0][value=second]')!.checked).toBe(false);
    expect(kindsOnly(detectPage(url, doc))).toEqual({ platform: 'amazon', page: 'checkout', observations: [{ kind: 'slow-shipping' }] });
  });

  it('JD 2018: e-invoice only; the checked 循环包装 and the 合并送货 / 上门自提 options are hidden', () => {
    const { url, doc } = real('jd-com-checkout-2018-excerpt.html', JD);
    expect(doc.querySelector<HTMLInputElement>('#packaging_services_check')!.checked).toBe(true);
    expect(kindsOnly(detectPage(url, doc))).toEqual({ platform: 'jd', page: 'checkout', observations: [{ kind: 'e-invoice' }] });
  });

  it('JD 2018: when JD shows the 循环包装 row (drops `hide`), its checked box is a choice', () => {
    const { url, doc } = real('jd-com-checkout-2018-excerpt.html', JD);
    const row = doc.querySelector<HTMLElement>('#packaging_services_li')!;
    row.classList.remove('hide');
    row.style.display = '';
    expect(kindsOnly(detectPage(url, doc))?.observations).toEqual([{ kind: 'e-invoice' }, { kind: 'reusable-packaging' }]);
  });

  it('DoorDash 2022 store listing: nothing, at its own address or read as if at checkout', () => {
    const listing = real('doordash-com-store-listing-2022-negative.html', 'https://www.doordash.com/store/1194616/');
    expect(kindsOnly(detectPage(listing.url, listing.doc))).toEqual({ platform: 'doordash', page: 'other', observations: [] });
    const asCheckout = real('doordash-com-store-listing-2022-negative.html', 'https://www.doordash.com/consumer/checkout/');
    expect(kindsOnly(detectPage(asCheckout.url, asCheckout.doc))?.observations).toEqual([]);
  });
});
