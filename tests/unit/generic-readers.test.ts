import { describe, expect, it } from 'vitest';
import { detectPage } from '../../src/platforms/index';
import { htmlPage } from '../helpers/page';

/** A page at `url` whose body is `body`: the readers see only what a shopper would. */
const read = (url: string, body: string) => {
  const { url: u, doc } = htmlPage(`<!doctype html><html><head><meta charset="utf-8"><title>Checkout</title></head><body>${body}</body></html>`, url);
  return detectPage(u, doc)?.observations ?? null;
};
const kinds = (url: string, body: string) => read(url, body)?.map((o) => o.kind).sort() ?? null;

const ELEME = 'https://h5.ele.me/checkout';
const MEITUAN = 'https://h5.waimai.meituan.com/waimai/order/confirm';
const TMALL = 'https://buy.tmall.com/order/confirm_order.htm';
const UBEREATS = 'https://www.ubereats.com/checkout';
const INSTACART = 'https://www.instacart.com/store/checkout';
const AMAZON_DE = 'https://www.amazon.de/gp/buy/spc/handlers/display.html';
const AMAZON_JP = 'https://www.amazon.co.jp/gp/buy/spc/handlers/display.html';
const AMAZON_US = 'https://www.amazon.com/gp/buy/spc/handlers/display.html';

describe('summary rows: a short label naming a choice topic, and its stated value', () => {
  it('reads "餐具份数 | 无需餐具" in H5 cells whose picker is a hidden pop-up, on any platform', () => {
    const cells = `<div class="cell"><div class="cell-title"><span>餐具份数</span></div><div class="cell-value">无需餐具<i class="arrow"></i></div></div>
      <div class="popup" style="display:none"><p>选择餐具份数</p><ul><li>无需餐具</li><li>1份</li><li>2份</li><li>3份</li><li>更多</li></ul></div>`;
    expect(kinds(ELEME, cells)).toEqual(['no-cutlery']);
    expect(kinds(MEITUAN, cells)).toEqual(['no-cutlery']);
    expect(kinds(ELEME, cells.replace('>无需餐具<i', '>1份<i'))).toEqual([]);
  });

  it('reads "发票 | 电子发票" and a bag row stated as none', () => {
    const rows = `<div><span>发票</span><span>电子发票 个人</span></div><div><span>购物袋</span><span>不需要</span></div>`;
    expect(kinds(TMALL, rows)).toEqual(['e-invoice', 'no-plastic-bag']);
    expect(kinds(TMALL, rows.replace('电子发票 个人', '纸质发票').replace('不需要', '1个'))).toEqual([]);
  });

  it('reads "Utensils: None" and "Delivery: Leave at door" written on one line or split by markup', () => {
    expect(kinds(UBEREATS, '<p>Utensils: None</p>')).toEqual(['no-cutlery']);
    expect(kinds(UBEREATS, '<p>Utensils: <b>None</b></p>')).toEqual(['no-cutlery']);
    expect(kinds(UBEREATS, '<dl><dt>Utensils</dt><dd>None</dd></dl>')).toEqual(['no-cutlery']);
    expect(kinds(UBEREATS, '<p>Utensils: Yes, 2 sets</p>')).toEqual([]);
    expect(kinds(INSTACART, '<table><tr><th>Delivery</th><td>Leave at door</td></tr></table>')).toEqual(['unattended-delivery']);
    expect(kinds(INSTACART, '<table><tr><th>Delivery</th><td>Hand it to me</td></tr></table>')).toEqual([]);
  });

  it('leaves rows with choice controls to the control reader, and reads no open picker as a value', () => {
    // Ele.me's "无需餐具 赠能量" nudge beside the radios names an option, not the chosen one.
    const nudge = `<fieldset><legend>选择餐具份数 <span class="green">无需餐具 赠能量</span></legend>
      <label><input type="radio" name="t" value="0">无需餐具</label><label><input type="radio" name="t" value="1" checked>1份</label></fieldset>`;
    expect(kinds(ELEME, nudge)).toEqual([]);
    const open = `<div><p>餐具份数</p><ul><li>无需餐具</li><li>1份</li><li>2份</li><li>3份</li><li>更多</li></ul></div>`;
    expect(kinds(ELEME, open)).toEqual([]);
  });

  it('takes no statement for a label, and no hidden row', () => {
    // "无需餐具" alone is an option's text or a statement with no topic of its own to state.
    expect(kinds(ELEME, '<div><span>无需餐具</span><span>无需餐具</span></div>')).toEqual([]);
    expect(kinds(ELEME, '<div hidden><span>餐具份数</span><span>无需餐具</span></div>')).toEqual([]);
    expect(kinds(ELEME, '<div><span>餐具份数</span><span style="visibility:hidden">无需餐具</span></div>')).toEqual([]);
  });
});

describe('delivery speeds, slowest first', () => {
  const speeds = (chosen: string, ...offered: string[]) =>
    [chosen, ...offered]
      .map((name, i) => `<label><input type="radio" name="speed" value="s${i}"${i === 0 ? ' checked' : ''}> ${name}</label>`)
      .join('');

  it('economy over standard, and standard over express, is slow shipping', () => {
    expect(kinds(AMAZON_US, speeds('FREE Economy Shipping', '$3.99 Standard Shipping'))).toEqual(['slow-shipping']);
    expect(kinds(AMAZON_US, speeds('Standard Shipping', 'Expedited Shipping'))).toEqual(['slow-shipping']);
  });

  it('standard over economy or no-rush is not, nor the only speed on offer', () => {
    expect(kinds(AMAZON_US, speeds('$3.99 Standard Shipping', 'FREE Economy Shipping'))).toEqual([]);
    expect(kinds(AMAZON_US, speeds('Standard Shipping', 'FREE No-Rush Shipping'))).toEqual([]);
    expect(kinds(AMAZON_US, speeds('FREE Economy Shipping'))).toEqual([]);
  });
});

describe('item conditions in any line item', () => {
  it.each([
    [AMAZON_DE, 'Zustand: Gebraucht - Sehr gut'],
    [AMAZON_DE, 'Gebraucht - Sehr gut'],
    [AMAZON_US, 'Condition: Used - Like New'],
    [AMAZON_US, 'Renewed'],
    [AMAZON_US, 'Refurbished - Excellent'],
    [AMAZON_JP, '中古品 - 非常に良い'],
    [AMAZON_JP, 'コンディション：中古品'],
  ])('%s: "%s" is a second-hand item', (url, line) => {
    const item = `<div class="item"><span class="title">Hitachi cordless drill</span><div><span>${line}</span></div><span>€ 59,00</span></div>`;
    expect(read(url, item)).toEqual([{ kind: 'second-hand', detail: 'other' }]);
  });

  it('gives the used item its product category from the item around the condition', () => {
    const item = `<div class="item"><span>Apple iPhone 12, 64 GB</span><div>Condition:<span></span>Used - Good</div></div>`;
    expect(read(AMAZON_US, item)).toEqual([{ kind: 'second-hand', detail: 'phone' }]);
  });

  it.each([
    'Condition: New',
    'Zustand: Neu',
    'Used for delivery updates only',
    '中古品を出品する',
    'Buy used and save',
  ])('"%s" says no item is used', (line) => {
    expect(read(AMAZON_US, `<div class="item"><span>Hitachi drill</span><p>${line}</p></div>`)).toEqual([]);
  });

  it('reads no condition that is hidden', () => {
    expect(read(AMAZON_US, '<div class="item aok-hidden"><span>Drill</span><p>Used - Good</p></div>')).toEqual([]);
  });
});

describe('platform facts: on a market where everything is used, a placed order is second-hand', () => {
  it.each([
    ['https://www.goofish.com/create-order?itemId=1'],
    ['https://jp.mercari.com/purchase/m123456'],
    ['https://www.vinted.fr/checkout?transaction_id=1'],
    ['https://www.backmarket.fr/fr-fr/checkout/payment'],
  ])('%s with no item element the platform names', (url) => {
    expect(read(url, '<main><h1>Checkout</h1><div class="x1y2z3">Robe portefeuille</div><button>Pay</button></main>')).toEqual([
      { kind: 'second-hand', detail: 'other' },
    ]);
  });

  it('the item text still gives the category when the page shows a condition', () => {
    const page = '<div class="css-1q2w3e"><span>MacBook Air 13" 2020</span><span>商品の状態：目立った傷や汚れなし</span></div>';
    expect(read('https://jp.mercari.com/purchase/m123456', page)).toEqual([{ kind: 'second-hand', detail: 'laptop' }]);
  });
});
