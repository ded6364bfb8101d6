import type { Platform } from './types';

/**
 * JD (京东). The PC checkout (订单结算页, trade.jd.com/shopping/order/getOrderInfo.action) shows
 * the chosen invoice as a summary line ("电子普通发票", `#part-inv`) and the delivery mode as tabs
 * (`li.mode-tab-item`, the chosen one has `curr`), with 循环包装 and 合并送货 tick boxes that
 * JD shows only when the order qualifies: it hides rows with the class `hide`, from a stylesheet
 * a saved page lacks. Submitting leads to the cashier (payc.jd.com) or success page with
 * `orderId` in the query.
 */
export const jd: Platform = {
  id: 'jd',
  name: 'JD',
  category: 'marketplace',
  hosts: ['jd.com'],
  kinds: ['e-invoice', 'reusable-packaging', 'consolidated-shipping', 'pickup-point'],
  routes: {
    checkout: /^\/shopping\/order\/getOrderInfo\b/,
    confirmation: /^\/(?:cashier\/index\.action|success\/[^?]*|order\/success[^?]*)\?(?:.*&)?orderId=(\d+)/,
  },
  hints: {
    hiddenClasses: ['hide'],
    stated: '#part-inv, li.mode-tab-item.curr',
    orderNumber: { pattern: /(\d{9,})/, where: '#orderId, .order-num, [data-testid=order-number]' },
  },
};
