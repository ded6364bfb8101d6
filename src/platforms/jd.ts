import { readChoices, readStatedChoices } from '../detect/choices';
import { readPage, refShown } from '../detect/page';
import type { Observation } from '../core/kinds';
import type { Platform } from './types';

/** JD hides rows with this class; its stylesheet (display:none) is not part of a saved page. */
const HIDE = 'hide';

/**
 * JD (京东). The PC checkout (订单结算页, trade.jd.com/shopping/order/getOrderInfo.action) shows
 * the chosen invoice as a summary line ("电子普通发票", `#part-inv`) and the delivery mode as tabs
 * (`li.mode-tab-item`, the chosen one has `curr`), with 循环包装 and 合并送货 tick boxes that
 * JD shows only when the order qualifies. Submitting leads to the cashier (payc.jd.com) or
 * success page with `orderId` in the query.
 */
export const jd: Platform = {
  id: 'jd',
  name: 'JD',
  category: 'marketplace',
  hosts: ['jd.com'],
  kinds: ['e-invoice', 'reusable-packaging', 'consolidated-shipping', 'pickup-point'],
  detect(url, doc) {
    return readPage(url, doc, {
      platform: this,
      routes: {
        checkout: /^\/shopping\/order\/getOrderInfo\b/,
        confirmation: /^\/(?:cashier\/index\.action|success\/[^?]*|order\/success[^?]*)\?(?:.*&)?orderId=(\d+)/,
      },
      read: (d) => {
        const options = { kinds: this.kinds, hiddenClass: HIDE };
        const stated = readStatedChoices(d, '#part-inv, li.mode-tab-item.curr', options);
        const controls = readChoices(d, options);
        const seen = new Set(stated.map((o) => o.kind));
        return [...stated, ...controls.filter((o: Observation) => !seen.has(o.kind))];
      },
      ref: (d) => refShown(d, '#orderId, .order-num, [data-testid=order-number]', /(\d{9,})/),
    });
  },
};
