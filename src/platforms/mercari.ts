import { readChoices, readSecondHand } from '../detect/choices';
import { readPage } from '../detect/page';
import type { ChoiceKind, Observation } from '../core/kinds';
import type { Platform } from './types';

const PICKUP: readonly ChoiceKind[] = ['pickup-point'];

/**
 * Mercari (メルカリ), Japan's flea market app: everything bought is second-hand. The purchase
 * page is jp.mercari.com/purchase/m…; after buying, the transaction page /transaction/m… opens.
 * Buyers may receive at a convenience store or post office (受取場所).
 */
export const mercari: Platform = {
  id: 'mercari',
  name: 'Mercari',
  category: 'second-hand',
  hosts: ['mercari.com'],
  kinds: ['second-hand', 'pickup-point'],
  detect(url, doc) {
    return readPage(url, doc, {
      platform: this,
      routes: { checkout: /^\/(?:us\/)?purchase\/m\d+/, confirmation: /^\/(?:us\/)?transaction\/(m\d+)/ },
      read: (d) => {
        const used = readSecondHand(d, { items: '[data-testid=checkout-item-name], [data-testid=item-name]', alwaysUsed: true });
        const choices: Observation[] = readChoices(d, { kinds: PICKUP });
        return used ? [used, ...choices] : choices;
      },
    });
  },
};
