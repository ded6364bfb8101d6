import { describe, expect, it } from 'vitest';
import { detectPage } from '../../src/platforms/index';
import { htmlPage, loadPage } from '../helpers/page';

const checkout = (body: string) => htmlPage(`<!doctype html><title>Checkout</title><main>${body}</main>`, 'https://www.ubereats.com/checkout');

describe('what a choice looked like on the page', () => {
  it('keeps the option’s words as shown, white space collapsed', () => {
    const { url, doc } = loadPage('eleme/checkout.html', 'https://h5.ele.me/checkout');
    const [obs] = detectPage(url, doc)!.observations;
    expect(obs.kind).toBe('no-cutlery');
    expect(obs.label).toMatch(/餐具/);
    expect(obs.label).not.toMatch(/\s{2}/);
  });

  it('tells a choice the page served from one the shopper made (a native input’s HTML default)', () => {
    let { url, doc } = checkout('<label><input type="checkbox" checked> No utensils</label>');
    expect(detectPage(url, doc)!.observations).toEqual([{ kind: 'no-cutlery', label: 'No utensils', wasDefault: true }]);
    ({ url, doc } = checkout('<label><input type="checkbox"> No utensils</label>'));
    doc.querySelector('input')!.checked = true;
    expect(detectPage(url, doc)!.observations).toEqual([{ kind: 'no-cutlery', label: 'No utensils', wasDefault: false }]);
    // "Request utensils" left off as served is the page's default; switched off by the shopper is not.
    ({ url, doc } = checkout('<label><input type="checkbox" checked> Request utensils</label>'));
    doc.querySelector('input')!.checked = false;
    expect(detectPage(url, doc)!.observations).toEqual([{ kind: 'no-cutlery', label: 'Request utensils', wasDefault: false }]);
  });

  it('keeps a label, not a paragraph', () => {
    const { url, doc } = checkout(`<label><input type="checkbox" checked> No utensils ${'please '.repeat(60)}</label>`);
    expect(detectPage(url, doc)!.observations[0].label!.length).toBeLessThanOrEqual(160);
  });
});
