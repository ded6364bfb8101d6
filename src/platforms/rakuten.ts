import type { Platform } from './types';

/**
 * Rakuten Ichiba (楽天市場). The order-confirmation step (basket.step.rakuten.co.jp/rms/mall/bs/
 * confirm…) offers 置き配 (leaving the parcel at the door), receiving at a convenience store,
 * post office or 楽天BOX locker, and grouping a shop's items into one shipment; the completion
 * page shows the order number (123456-20261128-0123456789).
 */
export const rakuten: Platform = {
  id: 'rakuten',
  name: 'Rakuten Ichiba',
  category: 'marketplace',
  hosts: ['rakuten.co.jp'],
  kinds: ['unattended-delivery', 'pickup-point', 'consolidated-shipping'],
  routes: { checkout: /^\/rms\/mall\/bs\/(?:confirm|cart)/, confirmation: /^\/rms\/mall\/bs\/(?:complete|thanks)/ },
  hints: { orderNumber: { pattern: /\d{6}-\d{8}-\d{6,10}/, where: '[data-testid=order-number], .order-number' } },
};
