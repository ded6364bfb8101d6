import type { Platform } from './types';

/**
 * Demae-can (出前館). The order-confirmation step (/order/confirm) asks whether chopsticks and
 * spoons are needed and how to receive the order (置き配 or in person); the completion page
 * shows the order number (注文番号).
 */
export const demaecan: Platform = {
  id: 'demaecan',
  name: 'Demae-can',
  category: 'food-delivery',
  hosts: ['demae-can.com'],
  kinds: ['no-cutlery', 'unattended-delivery'],
  routes: { checkout: /^\/order\/(?:confirm|input)\b/, confirmation: /^\/order\/(?:complete|thanks)\b/ },
  hints: { orderNumber: { pattern: /(\d[\d-]{5,})/, where: '[data-testid=order-number], .order-number' } },
};
