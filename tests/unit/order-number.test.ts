import { describe, expect, it } from 'vitest';
import { detectPage } from '../../src/platforms/index';
import { realHtml } from '../helpers/labels';
import { htmlPage, loadPage } from '../helpers/page';

describe('the order number the page shows wins over ids in the URL', () => {
  it('a real Amazon thank-you page, at the address its own script rewrites to (with purchaseId), names the order it shows', () => {
    // In a browser the page's script replaces its URL with one carrying purchaseId=106-0000003-0000003.
    const url = 'https://www.amazon.com/gp/buy/thankyou/handlers/display.html?ie=UTF8&isRefresh=1&orderId=112-0000002-0000002&purchaseId=106-0000003-0000003&viewId=ThankYouCart';
    const page = htmlPage(realHtml({ file: 'amazon/amazon-us-thankyou-2017-11-09.html' }), url);
    expect(detectPage(page.url, page.doc)?.order).toEqual({ ref: '112-0000002-0000002' });
  });

  it('the thank-you page and the order details name the same order', () => {
    const thanks = loadPage('amazon/confirmation.html', 'https://www.amazon.com/gp/buy/thankyou/handlers/display.html?purchaseId=106-8812734-0091234');
    const details = loadPage('amazon/order-details.html', 'https://www.amazon.com/gp/your-account/order-details?ie=UTF8&orderID=113-4829173-2046631');
    expect(detectPage(thanks.url, thanks.doc)).toEqual({ platform: 'amazon', page: 'confirmation', observations: [], order: { ref: '113-4829173-2046631' } });
    expect(detectPage(details.url, details.doc)).toEqual({ platform: 'amazon', page: 'confirmation', observations: [], order: { ref: '113-4829173-2046631' } });
  });

  it('reads the number beside its label in any supported language, never from a script', () => {
    const at = 'https://www.amazon.co.jp/gp/buy/thankyou/handlers/display.html';
    const read = (body: string) => {
      const { url, doc } = htmlPage(`<!doctype html><body>${body}</body>`, at);
      return detectPage(url, doc)?.order?.ref;
    };
    expect(read('<p>注文番号：<b>503-1234567-7654321</b></p>')).toBe('503-1234567-7654321');
    expect(read('<table><tr><td><b>Bestellnummer:</b> 302-7654321-1234567</td></tr></table>')).toBe('302-7654321-1234567');
    expect(read('<script>var orderId = "503-1234567-7654321";</script><p>Thank you</p>')).toBeUndefined();
    expect(read('<p hidden>Order number: 503-1234567-7654321</p>')).toBeUndefined();
  });

  it('keeps the URL’s id where the platform writes no order number of its own format', () => {
    const { url, doc } = loadPage('ubereats/confirmation.html', 'https://www.ubereats.com/orders/3f2a9c1e-7d4b-4e8a-9b61-2c5d8e0f1a77');
    expect(detectPage(url, doc)?.order).toEqual({ ref: '3f2a9c1e-7d4b-4e8a-9b61-2c5d8e0f1a77' });
  });
});
