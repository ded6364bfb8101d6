import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACTORS, factorFor } from '../../src/carbon/factors';
import { actionPoints, MAX_ACTION_POINTS, POINTS_RULE, pointsWithinDailyCap } from '../../src/carbon/points';
import { SAMPLE_CATALOG } from '../../src/rewards/catalog';

const doc = readFileSync(resolve(__dirname, '../../docs/methodology.md'), 'utf8');

describe('points rule', () => {
  it('rewards the small choices and bounds the big ones', () => {
    expect(actionPoints(factorFor('no-cutlery').grams.central)).toBe(12);
    expect(actionPoints(factorFor('e-invoice').grams.central)).toBe(11);
    expect(actionPoints(factorFor('consolidated-shipping').grams.central)).toBe(20);
    expect(actionPoints(factorFor('pickup-point', 'walked').grams.central)).toBe(45);
    expect(actionPoints(factorFor('second-hand', 'clothing').grams.central)).toBe(50);
    expect(actionPoints(factorFor('second-hand', 'laptop').grams.central)).toBe(50);
    expect(actionPoints(factorFor('slow-shipping').grams.central)).toBe(0);
    expect(actionPoints(factorFor('pickup-point').grams.central)).toBe(0);
  });

  it('never gives more than the per-action bound, never less than 0, and more grams never earn fewer points', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e7, max: 1e7, noNaN: true }), fc.double({ min: 0, max: 1e4, noNaN: true }), (grams, more) => {
        const p = actionPoints(grams);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(MAX_ACTION_POINTS);
        expect(actionPoints(grams + more)).toBeGreaterThanOrEqual(p);
      }),
    );
    expect(actionPoints(Number.NaN)).toBe(0);
  });

  it('caps a day: what is left of the day at most, never below 0', () => {
    expect(pointsWithinDailyCap(12, 0)).toBe(12);
    expect(pointsWithinDailyCap(50, 80)).toBe(20);
    expect(pointsWithinDailyCap(50, 100)).toBe(0);
    expect(pointsWithinDailyCap(50, 250)).toBe(0);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: MAX_ACTION_POINTS })), (actions) => {
        let day = 0;
        for (const p of actions) day += pointsWithinDailyCap(p, day);
        expect(day).toBeLessThanOrEqual(POINTS_RULE.dailyCap);
        expect(day).toBe(Math.min(POINTS_RULE.dailyCap, actions.reduce((a, b) => a + b, 0)));
      }),
    );
  });

  it('every factor earns a bounded reward, 0 exactly where it counts 0 g', () => {
    for (const f of FACTORS) expect(actionPoints(f.grams.central) === 0, `${f.kind}/${f.detail}`).toBe(f.grams.central === 0);
  });

  it('prices every sample reward above a few actions and within ten capped days', () => {
    for (const r of SAMPLE_CATALOG) {
      expect(r.cost, r.id).toBeGreaterThanOrEqual(3 * MAX_ACTION_POINTS);
      expect(r.cost, r.id).toBeLessThanOrEqual(10 * POINTS_RULE.dailyCap);
    }
  });

  it('is written out in docs/methodology.md with the numbers the code uses', () => {
    expect(doc).toContain(`points = ${POINTS_RULE.base} + min(${POINTS_RULE.gramPartCap}, round(central g ÷ ${POINTS_RULE.gramsPerPoint}))`);
    expect(doc).toContain(`At most ${MAX_ACTION_POINTS} points per action`);
    expect(doc).toContain(`At most ${POINTS_RULE.dailyCap} points per local day`);
  });
});
