import type { LedgerDb, Total } from '../ledger/db';

/**
 * A few milestones in the spirit of 88's medals. Each is read from a materialized total, so it
 * costs one row; none expires and none asks for a streak: once the account holds it, it shows.
 */
export interface Milestone {
  id: 'first-no-cutlery' | 'ten-actions' | 'first-second-hand' | 'one-kg';
  /** the totals row and the figure of it that must reach `goal` */
  total: string;
  field: 'count' | 'grams';
  goal: number;
}

export const MILESTONES: readonly Milestone[] = [
  { id: 'first-no-cutlery', total: 'kind:no-cutlery', field: 'count', goal: 1 },
  { id: 'ten-actions', total: 'all', field: 'count', goal: 10 },
  { id: 'first-second-hand', total: 'kind:second-hand', field: 'count', goal: 1 },
  { id: 'one-kg', total: 'all', field: 'grams', goal: 1000 },
];

export interface MilestoneState {
  milestone: Milestone;
  /** how far along, 0 … goal */
  value: number;
  reached: boolean;
}

export function milestoneStates(rows: readonly (Total | undefined)[]): MilestoneState[] {
  return MILESTONES.map((milestone) => {
    const row = rows.find((r) => r?.key === milestone.total);
    const value = Math.min(milestone.goal, Math.max(0, row?.[milestone.field] ?? 0));
    return { milestone, value, reached: value >= milestone.goal };
  });
}

export async function milestones(db: LedgerDb): Promise<MilestoneState[]> {
  return milestoneStates(await db.totals.bulkGet([...new Set(MILESTONES.map((m) => m.total))]));
}
