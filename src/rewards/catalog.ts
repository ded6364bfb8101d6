import { parseCatalog, type Reward, type RewardCatalog } from './format';
import sample from './sample-catalog.json';

export type { Reward, RewardCatalog } from './format';

function bundled(): RewardCatalog {
  const parsed = parseCatalog(sample);
  // The bundled file is checked by tests/unit/rewards-catalog.test.ts; reaching this is a build mistake.
  if (!parsed.ok) throw new Error(`bundled rewards catalog: ${parsed.reason}`);
  return parsed.catalog;
}

/** The bundled sample programme: shown, labelled as a sample, until a provider feed is configured. */
export const SAMPLE_PROGRAMME: RewardCatalog = bundled();

/** The bundled sample programme's rewards. */
export const SAMPLE_CATALOG: readonly Reward[] = SAMPLE_PROGRAMME.rewards;

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
