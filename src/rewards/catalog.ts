import type { Locale } from '../ui/i18n';

/** A catalog entry: what a number of points can be turned into, on one platform or any. */
export interface Reward {
  /** stable id, kept on the vouchers it yields */
  id: string;
  /** the platform id the voucher is for, or 'any' for every linked shop */
  platform: string | 'any';
  /** what the shopper reads, in every shipped language */
  title: Readonly<Record<Locale, string>>;
  /** points a redemption spends */
  cost: number;
}

/**
 * The bundled sample catalog: small rewards a few weeks of choices reach. The rewards module
 * adds the format's validation, a remote feed and redemption on top of this shape.
 */
export const SAMPLE_CATALOG: readonly Reward[] = [
  {
    id: 'sample-thanks-card',
    platform: 'any',
    title: { en: 'A thank-you card for your account', zh_CN: '一张减碳感谢卡', ja: 'アカウント用サンクスカード' },
    cost: 10,
  },
  {
    id: 'sample-ubereats-delivery',
    platform: 'ubereats',
    title: { en: 'Free delivery on one Uber Eats order', zh_CN: 'Uber Eats 免配送费一次', ja: 'Uber Eats 配送料 1 回無料' },
    cost: 150,
  },
  {
    id: 'sample-eleme-red-packet',
    platform: 'eleme',
    title: { en: '¥3 off an Ele.me order', zh_CN: '饿了么 3 元红包', ja: 'Ele.me 3 元引き' },
    cost: 100,
  },
  {
    id: 'sample-amazon-no-rush',
    platform: 'amazon',
    title: { en: '$1 digital credit on Amazon', zh_CN: '亚马逊 1 美元数字抵用金', ja: 'Amazon デジタル特典 1 ドル' },
    cost: 300,
  },
  {
    id: 'sample-cutlery-set',
    platform: 'any',
    title: { en: 'A reusable cutlery set', zh_CN: '一套可重复使用的餐具', ja: '繰り返し使えるカトラリーセット' },
    cost: 1000,
  },
];

/** The catalog entries a shopper with these linked platforms can use: theirs and the 'any' ones. */
export function rewardsFor(catalog: readonly Reward[], linked: readonly string[]): Reward[] {
  return catalog.filter((r) => r.platform === 'any' || linked.includes(r.platform));
}

export interface RewardOutlook {
  /** affordable now, cheapest first */
  ready: Reward[];
  /** not yet, nearest first */
  next: Reward[];
}

/** Splits rewards into those `balance` redeems now and those it is still short of. */
export function rewardOutlook(rewards: readonly Reward[], balance: number): RewardOutlook {
  const byCost = [...rewards].sort((a, b) => a.cost - b.cost || a.id.localeCompare(b.id));
  return { ready: byCost.filter((r) => r.cost <= balance), next: byCost.filter((r) => r.cost > balance) };
}
