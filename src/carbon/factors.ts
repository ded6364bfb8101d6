import type { ChoiceKind } from '../platforms/types';

/** Bumped whenever a factor changes; every stored action keeps the version it was scored with. */
export const METHODOLOGY_VERSION = '2026.11-1';

export interface Factor {
  kind: ChoiceKind;
  /** sub-category, e.g. the second-hand product category; undefined for the kind's default */
  detail?: string;
  /** grams CO2e avoided per action */
  grams: { central: number; low: number; high: number };
  /** ids in docs/methodology.md's source list */
  sources: readonly string[];
  note: string;
}

export const FACTORS: readonly Factor[] = [
  {
    kind: 'no-cutlery',
    grams: { central: 15, low: 10, high: 40 },
    sources: ['S22', 'S21', 'S20', 'S19', 'S24', 'S23'],
    note:
      'Ele.me Shenyang 2019: 17 t over 1.44M orders ≈ 11.8 g/order; Meituan 2023–24 totals ≈ 30–40 g/order; ' +
      'one pair of wooden chopsticks ≈ 20 g.',
  },
];

/** The factor for an action, or undefined when the kind is not scored. */
export function factorFor(kind: ChoiceKind, detail?: string): Factor | undefined {
  return (
    FACTORS.find((f) => f.kind === kind && f.detail === detail) ??
    FACTORS.find((f) => f.kind === kind && f.detail === undefined)
  );
}

/** 1 point per gram of CO2e avoided (central estimate). */
export function pointsFor(grams: number): number {
  return Math.round(grams);
}
