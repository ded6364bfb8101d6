import type { PageReading } from '../../src/core/kinds';

/** A fixture page, the address it is served at, and what a correct reading finds. */
export interface PageCase {
  file: string;
  url: string;
  expected: PageReading;
}

const checkout = (platform: string, observations: PageReading['observations']): PageReading => ({
  platform,
  page: 'checkout',
  observations,
});
const confirmation = (platform: string, ref?: string): PageReading => ({
  platform,
  page: 'confirmation',
  observations: [],
  ...(ref ? { order: { ref } } : {}),
});
const other = (platform: string): PageReading => ({ platform, page: 'other', observations: [] });

/** Every fixture page of every platform, with the reading it must give. */
export const CASES: PageCase[] = [
  // Uber Eats
  { file: 'ubereats/checkout.html', url: 'https://www.ubereats.com/checkout', expected: checkout('ubereats', [{ kind: 'no-cutlery' }]) },
  { file: 'ubereats/checkout-utensils-requested.html', url: 'https://www.ubereats.com/checkout', expected: checkout('ubereats', []) },
  {
    file: 'ubereats/confirmation.html',
    url: 'https://www.ubereats.com/orders/3f2a9c1e-7d4b-4e8a-9b61-2c5d8e0f1a77',
    expected: confirmation('ubereats', '3f2a9c1e-7d4b-4e8a-9b61-2c5d8e0f1a77'),
  },
  // DoorDash
  {
    file: 'doordash/checkout.html',
    url: 'https://www.doordash.com/consumer/checkout/',
    expected: checkout('doordash', [{ kind: 'no-cutlery' }, { kind: 'reusable-packaging' }]),
  },
  { file: 'doordash/checkout-utensils-included.html', url: 'https://www.doordash.com/consumer/checkout/', expected: checkout('doordash', []) },
  {
    file: 'doordash/confirmation.html',
    url: 'https://www.doordash.com/orders/8a1c2e3f-4b5d-4c6e-9f70-81a2b3c4d5e6/',
    expected: confirmation('doordash', '8a1c2e3f-4b5d-4c6e-9f70-81a2b3c4d5e6'),
  },
  // Deliveroo
  { file: 'deliveroo/checkout-fr.html', url: 'https://deliveroo.fr/fr/checkout', expected: checkout('deliveroo', [{ kind: 'no-cutlery' }]) },
  { file: 'deliveroo/checkout-fr-cutlery-added.html', url: 'https://deliveroo.fr/fr/checkout', expected: checkout('deliveroo', []) },
  { file: 'deliveroo/checkout-uk.html', url: 'https://deliveroo.co.uk/checkout', expected: checkout('deliveroo', [{ kind: 'no-cutlery' }]) },
  { file: 'deliveroo/confirmation.html', url: 'https://deliveroo.fr/fr/orders/283746501/status', expected: confirmation('deliveroo', '283746501') },
  // Ele.me
  { file: 'eleme/checkout.html', url: 'https://h5.ele.me/checkout', expected: checkout('eleme', [{ kind: 'no-cutlery' }]) },
  { file: 'eleme/checkout-tableware-1.html', url: 'https://h5.ele.me/checkout', expected: checkout('eleme', []) },
  {
    file: 'eleme/confirmation.html',
    url: 'https://h5.ele.me/order/detail?order_id=8046213379516104173',
    expected: confirmation('eleme', '8046213379516104173'),
  },
  // Meituan Waimai
  { file: 'meituan/checkout.html', url: 'https://h5.waimai.meituan.com/waimai/order/confirm', expected: checkout('meituan', [{ kind: 'no-cutlery' }]) },
  { file: 'meituan/checkout-tableware-by-portion.html', url: 'https://h5.waimai.meituan.com/waimai/order/confirm', expected: checkout('meituan', []) },
  {
    file: 'meituan/confirmation.html',
    url: 'https://h5.waimai.meituan.com/waimai/order/detail?orderViewId=2301847756120983415',
    expected: confirmation('meituan', '2301847756120983415'),
  },
  // Demae-can
  {
    file: 'demaecan/checkout.html',
    url: 'https://demae-can.com/order/confirm',
    expected: checkout('demaecan', [{ kind: 'no-cutlery' }, { kind: 'unattended-delivery' }]),
  },
  { file: 'demaecan/checkout-face-to-face.html', url: 'https://demae-can.com/order/confirm', expected: checkout('demaecan', []) },
  { file: 'demaecan/confirmation.html', url: 'https://demae-can.com/order/complete', expected: confirmation('demaecan', '2611-2830-4417') },
  // Amazon
  {
    file: 'amazon/checkout-us.html',
    url: 'https://www.amazon.com/gp/buy/spc/handlers/display.html?hasWorkingJavascript=1',
    expected: checkout('amazon', [{ kind: 'slow-shipping' }, { kind: 'consolidated-shipping' }]),
  },
  {
    file: 'amazon/checkout-de.html',
    url: 'https://www.amazon.de/gp/buy/spc/handlers/display.html',
    expected: checkout('amazon', [{ kind: 'pickup-point' }, { kind: 'slow-shipping' }]),
  },
  { file: 'amazon/checkout-jp.html', url: 'https://www.amazon.co.jp/gp/buy/spc/handlers/display.html', expected: checkout('amazon', []) },
  {
    file: 'amazon/checkout-jp-okihai.html',
    url: 'https://www.amazon.co.jp/gp/buy/spc/handlers/display.html',
    expected: checkout('amazon', [{ kind: 'unattended-delivery' }, { kind: 'slow-shipping' }]),
  },
  {
    file: 'amazon/confirmation.html',
    url: 'https://www.amazon.com/gp/buy/thankyou/handlers/display.html?purchaseId=113-4829173-2046631',
    expected: confirmation('amazon', '113-4829173-2046631'),
  },
  {
    file: 'amazon/confirmation.html',
    url: 'https://www.amazon.com/gp/buy/thankyou/handlers/display.html',
    expected: confirmation('amazon', '113-4829173-2046631'),
  },
  {
    file: 'amazon/confirmation.html',
    url: 'https://www.amazon.com/gp/buy/thankyou/handlers/display.html?purchaseId=106-8812734-0091234',
    expected: confirmation('amazon', '113-4829173-2046631'),
  },
  {
    file: 'amazon/order-details.html',
    url: 'https://www.amazon.com/gp/your-account/order-details?ie=UTF8&orderID=113-4829173-2046631',
    expected: confirmation('amazon', '113-4829173-2046631'),
  },
  // JD
  {
    file: 'jd/checkout.html',
    url: 'https://trade.jd.com/shopping/order/getOrderInfo.action',
    expected: checkout('jd', [{ kind: 'e-invoice' }, { kind: 'pickup-point' }, { kind: 'consolidated-shipping' }, { kind: 'reusable-packaging' }]),
  },
  { file: 'jd/checkout-paper-invoice.html', url: 'https://trade.jd.com/shopping/order/getOrderInfo.action', expected: checkout('jd', []) },
  {
    file: 'jd/confirmation.html',
    url: 'https://payc.jd.com/cashier/index.action?orderId=289034571260&reqInfo=x',
    expected: confirmation('jd', '289034571260'),
  },
  // Taobao
  {
    file: 'taobao/checkout.html',
    url: 'https://buy.taobao.com/auction/buy_now.jhtml',
    expected: checkout('taobao', [{ kind: 'pickup-point' }, { kind: 'e-invoice' }]),
  },
  { file: 'taobao/checkout-tw.html', url: 'https://buy.taobao.com/auction/buy_now.jhtml', expected: checkout('taobao', []) },
  {
    file: 'taobao/checkout-tw-cvs.html',
    url: 'https://buy.taobao.com/auction/buy_now.jhtml',
    expected: checkout('taobao', [{ kind: 'pickup-point' }, { kind: 'e-invoice' }]),
  },
  {
    file: 'taobao/confirmation.html',
    url: 'https://trade.taobao.com/trade/pay_success.htm?biz_order_id=3981720564418830211',
    expected: confirmation('taobao', '3981720564418830211'),
  },
  // Tmall
  {
    file: 'tmall/checkout.html',
    url: 'https://buy.tmall.com/order/confirm_order.htm',
    expected: checkout('tmall', [{ kind: 'no-plastic-bag' }, { kind: 'e-invoice' }]),
  },
  { file: 'tmall/checkout-bag-paper-invoice.html', url: 'https://buy.tmall.com/order/confirm_order.htm', expected: checkout('tmall', []) },
  {
    file: 'tmall/confirmation.html',
    url: 'https://trade.tmall.com/trade/pay_success.htm?biz_order_id=4102937716654120001',
    expected: confirmation('tmall', '4102937716654120001'),
  },
  // Rakuten Ichiba
  {
    file: 'rakuten/checkout.html',
    url: 'https://basket.step.rakuten.co.jp/rms/mall/bs/confirm/',
    expected: checkout('rakuten', [{ kind: 'unattended-delivery' }, { kind: 'consolidated-shipping' }]),
  },
  { file: 'rakuten/checkout-in-person.html', url: 'https://basket.step.rakuten.co.jp/rms/mall/bs/confirm/', expected: checkout('rakuten', []) },
  {
    file: 'rakuten/checkout-rakuten-box.html',
    url: 'https://basket.step.rakuten.co.jp/rms/mall/bs/confirm/',
    expected: checkout('rakuten', [{ kind: 'pickup-point' }]),
  },
  {
    file: 'rakuten/confirmation.html',
    url: 'https://basket.step.rakuten.co.jp/rms/mall/bs/complete/',
    expected: confirmation('rakuten', '263789-20261128-0918273645'),
  },
  // eBay
  {
    file: 'ebay/checkout.html',
    url: 'https://pay.ebay.com/rxo?action=view&sessionid=2215478806',
    expected: checkout('ebay', [{ kind: 'second-hand', detail: 'phone' }]),
  },
  { file: 'ebay/checkout-new-item.html', url: 'https://pay.ebay.com/rxo?action=view&sessionid=2215478807', expected: checkout('ebay', []) },
  {
    file: 'ebay/checkout-uk-click-collect.html',
    url: 'https://pay.ebay.co.uk/rxo?action=view&sessionid=8812',
    expected: checkout('ebay', [{ kind: 'second-hand', detail: 'book' }, { kind: 'pickup-point' }]),
  },
  {
    file: 'ebay/confirmation.html',
    url: 'https://pay.ebay.com/rxo?action=view&sessionid=2215478806&status=success',
    expected: confirmation('ebay', '14-12345-67890'),
  },
  // Xianyu
  {
    file: 'xianyu/checkout.html',
    url: 'https://www.goofish.com/create-order?itemId=781203344512',
    expected: checkout('xianyu', [{ kind: 'second-hand', detail: 'laptop' }]),
  },
  { file: 'xianyu/item.html', url: 'https://www.goofish.com/item?id=781203344599', expected: other('xianyu') },
  {
    file: 'xianyu/confirmation.html',
    url: 'https://www.goofish.com/order-detail?orderId=3390158276641120533',
    expected: confirmation('xianyu', '3390158276641120533'),
  },
  // Mercari
  {
    file: 'mercari/checkout.html',
    url: 'https://jp.mercari.com/purchase/m58219306417',
    expected: checkout('mercari', [{ kind: 'second-hand', detail: 'clothing' }, { kind: 'pickup-point' }]),
  },
  { file: 'mercari/item.html', url: 'https://jp.mercari.com/item/m77120945531', expected: other('mercari') },
  { file: 'mercari/confirmation.html', url: 'https://jp.mercari.com/transaction/m58219306417', expected: confirmation('mercari', 'm58219306417') },
  // Vinted
  {
    file: 'vinted/checkout-es.html',
    url: 'https://www.vinted.es/checkout?transaction_id=9312870455',
    expected: checkout('vinted', [{ kind: 'second-hand', detail: 'clothing' }, { kind: 'pickup-point' }]),
  },
  {
    file: 'vinted/checkout-es-home.html',
    url: 'https://www.vinted.es/checkout?transaction_id=9312870456',
    expected: checkout('vinted', [{ kind: 'second-hand', detail: 'clothing' }]),
  },
  { file: 'vinted/item.html', url: 'https://www.vinted.fr/items/4419920031-robe-portefeuille-sezane', expected: other('vinted') },
  {
    file: 'vinted/confirmation.html',
    url: 'https://www.vinted.es/checkout/success?transaction_id=9312870455',
    expected: confirmation('vinted', '9312870455'),
  },
  // Back Market
  {
    file: 'backmarket/checkout.html',
    url: 'https://www.backmarket.de/de-de/checkout/payment',
    expected: checkout('backmarket', [{ kind: 'second-hand', detail: 'phone' }]),
  },
  { file: 'backmarket/product.html', url: 'https://www.backmarket.de/de-de/p/macbook-air-13-2020-m1/8a2f', expected: other('backmarket') },
  { file: 'backmarket/confirmation.html', url: 'https://www.backmarket.de/de-de/checkout/confirmation', expected: confirmation('backmarket', '48201937') },
  // Cainiao
  {
    file: 'cainiao/send.html',
    url: 'https://www.cainiao.com/send',
    expected: checkout('cainiao', [{ kind: 'pickup-point' }, { kind: 'packaging-return' }]),
  },
  { file: 'cainiao/send-door-pickup.html', url: 'https://www.cainiao.com/send', expected: checkout('cainiao', []) },
  { file: 'cainiao/confirmation.html', url: 'https://www.cainiao.com/send/success?orderId=CN20261128004417', expected: confirmation('cainiao', 'CN20261128004417') },
  // Instacart
  {
    file: 'instacart/checkout.html',
    url: 'https://www.instacart.com/store/checkout',
    expected: checkout('instacart', [{ kind: 'unattended-delivery' }, { kind: 'green-delivery-slot' }, { kind: 'no-plastic-bag' }]),
  },
  { file: 'instacart/checkout-priority-bags.html', url: 'https://www.instacart.com/store/checkout', expected: checkout('instacart', []) },
  { file: 'instacart/confirmation.html', url: 'https://www.instacart.com/store/orders/58290017731', expected: confirmation('instacart', '58290017731') },
];
