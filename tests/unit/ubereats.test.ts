import { describe, expect, it } from 'vitest';
import { detectPage } from '../../src/platforms/index';
import { htmlPage, loadPage, kindsOnly } from '../helpers/page';

describe('Uber Eats', () => {
  it('reads the utensils switch left off as no-cutlery', () => {
    const { url, doc } = loadPage('ubereats/checkout.html', 'https://www.ubereats.com/checkout');
    expect(kindsOnly(detectPage(url, doc))).toEqual({ platform: 'ubereats', page: 'checkout', observations: [{ kind: 'no-cutlery' }] });
  });

  it('reads the utensils switch turned on as no choice', () => {
    const { url, doc } = loadPage('ubereats/checkout-utensils-requested.html', 'https://www.ubereats.com/checkout');
    expect(kindsOnly(detectPage(url, doc))).toEqual({ platform: 'ubereats', page: 'checkout', observations: [] });
  });

  it('reads toggle buttons (aria-pressed, no role) either way round', () => {
    const page = (toggles: string) => {
      const { url, doc } = htmlPage(`<!doctype html><title>Checkout</title><main>${toggles}</main>`, 'https://www.ubereats.com/checkout');
      return detectPage(url, doc)?.observations;
    };
    expect(page('<button type="button" aria-pressed="false">Request utensils</button>')).toEqual([{ kind: 'no-cutlery', label: 'Request utensils' }]);
    expect(page('<button type="button" aria-pressed="true">Request utensils</button>')).toEqual([]);
    expect(page('<button type="button" aria-pressed="true">No utensils</button>')).toEqual([{ kind: 'no-cutlery', label: 'No utensils' }]);
    expect(page('<button type="button" aria-pressed="false">No utensils</button>')).toEqual([]);
  });

  it('reads the order page as a confirmation with its order reference', () => {
    const ref = '3f2a9c1e-7d4b-4e8a-9b61-2c5d8e0f1a77';
    const { url, doc } = loadPage('ubereats/confirmation.html', `https://www.ubereats.com/orders/${ref}`);
    expect(kindsOnly(detectPage(url, doc))).toEqual({ platform: 'ubereats', page: 'confirmation', observations: [], order: { ref } });
  });

  it('ignores pages outside checkout, and other sites', () => {
    const { doc } = loadPage('ubereats/checkout.html', 'https://www.ubereats.com/store/tonys');
    expect(detectPage(new URL('https://www.ubereats.com/store/tonys'), doc)?.page).toBe('other');
    expect(detectPage(new URL('https://example.com/checkout'), doc)).toBeNull();
    expect(detectPage(new URL('https://ubereats.com.evil.example/checkout'), doc)).toBeNull();
  });
});
