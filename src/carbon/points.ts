/**
 * Points: a reward of effort, bounded per action and per day. Grams stay what the methodology
 * says (src/carbon/factors.ts); points are derived from them by this rule, written out with its
 * reasons in docs/methodology.md ("Points"). Stored actions keep the points they were recorded
 * with, under the methodology version of the day.
 */
export const POINTS_RULE = {
  /** every choice the methodology credits with grams earns this, whatever its size */
  base: 10,
  /** then one point per this many grams of the central estimate… */
  gramsPerPoint: 10,
  /** …up to this many: a used laptop (107 kg) earns no more than a used T-shirt (1.8 kg) */
  gramPartCap: 40,
  /** the most points one shop can add to the account in one local day (the ledger's daily caps) */
  dailyCap: 100,
} as const;

/** The most one action can earn: base + the capped gram-scaled part. */
export const MAX_ACTION_POINTS = POINTS_RULE.base + POINTS_RULE.gramPartCap;

/**
 * Points of one action whose central estimate is `centralGrams`. A choice scored 0 g (or less)
 * earns 0: points never reward what the sources cannot show avoids anything.
 */
export function actionPoints(centralGrams: number): number {
  if (!(centralGrams > 0)) return 0;
  return POINTS_RULE.base + Math.min(POINTS_RULE.gramPartCap, Math.round(centralGrams / POINTS_RULE.gramsPerPoint));
}

/**
 * What an action worth `points` may add on a day that has already earned `earnedToday`: the rest
 * of the day's cap at most, never below 0. Pure, for the ledger's daily bound to call.
 */
export function pointsWithinDailyCap(points: number, earnedToday: number): number {
  return Math.max(0, Math.min(points, POINTS_RULE.dailyCap - Math.max(0, earnedToday)));
}
