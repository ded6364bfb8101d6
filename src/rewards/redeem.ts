import type { LedgerDb, Voucher } from '../ledger/db';
import { points } from '../ledger/queries';
import { balanceWith, debitPoints, InsufficientPoints, NOTHING_ELSEWHERE, type PointsElsewhere } from '../ledger/debits';
import { isOffered, voucherExpiry, type Reward } from './format';
import type { IssueResult, ProviderProblem } from './provider';

export type RedeemProblem = 'insufficient' | 'not-offered' | 'pool-empty' | ProviderProblem;

export type RedeemResult =
  | { ok: true; voucher: Voucher; /** true when this request had already been redeemed */ repeated: boolean }
  | { ok: false; reason: RedeemProblem; detail?: string };

export interface RedeemDeps {
  now(): number;
  /** asks the reward's provider endpoint for a code (src/rewards/provider.ts requestCode) */
  issueCode(url: string, body: { rewardId: string; requestId: string }): Promise<IssueResult>;
  /** points earned and spent in the shopper's other browsers, when the account is shown across them */
  elsewhere?(): Promise<PointsElsewhere>;
}

class PoolEmpty extends Error {
  override name = 'PoolEmpty';
}

/** Presses being redeemed, per database connection (one popup's). */
const running = new WeakMap<LedgerDb, Map<string, Promise<RedeemResult>>>();

/**
 * Turns `reward.cost` points into a voucher. `requestId` names one press of a redeem button:
 * asking again with it (a double click, a retry) yields the voucher already issued, never a
 * second one. A provider endpoint is asked before anything is written, so a failure, time-out
 * or garbage answer leaves the points as they were; the debit and the voucher are then stored
 * in one transaction, which re-checks the balance, so the balance never goes below zero.
 */
export function redeemReward(db: LedgerDb, reward: Reward, requestId: string, deps: RedeemDeps): Promise<RedeemResult> {
  let mine = running.get(db);
  if (!mine) running.set(db, (mine = new Map()));
  const inFlight = mine.get(requestId);
  if (inFlight) return inFlight;
  const task = redeemOnce(db, reward, requestId, deps).finally(() => mine.delete(requestId));
  mine.set(requestId, task);
  return task;
}

async function issued(db: LedgerDb, requestId: string): Promise<Voucher | undefined> {
  return db.vouchers.where('requestId').equals(requestId).first();
}

async function redeemOnce(db: LedgerDb, reward: Reward, requestId: string, deps: RedeemDeps): Promise<RedeemResult> {
  const before = await issued(db, requestId);
  if (before) return { ok: true, voucher: before, repeated: true };
  if (!isOffered(reward, deps.now())) return { ok: false, reason: 'not-offered' };
  // Asking a provider for a code the balance cannot pay for would waste one of its codes.
  const elsewhere = (await deps.elsewhere?.()) ?? NOTHING_ELSEWHERE;
  const available = balanceWith(await points(db), elsewhere);
  if (available < reward.cost) return { ok: false, reason: 'insufficient', detail: `${reward.cost} > ${available}` };

  let fromProvider: { code: string; expiresAt?: number } | undefined;
  if (reward.codes.type === 'endpoint') {
    const answer = await deps.issueCode(reward.codes.url, { rewardId: reward.id, requestId });
    if (!answer.ok) return { ok: false, reason: answer.reason, detail: answer.detail };
    fromProvider = answer;
  }

  try {
    return await db.transaction('rw', db.totals, db.vouchers, async () => {
      const again = await issued(db, requestId);
      if (again) return { ok: true as const, voucher: again, repeated: true };
      const now = deps.now();
      let code: string;
      if (reward.codes.type === 'fixed') code = reward.codes.code;
      else if (reward.codes.type === 'pool') {
        const held = new Set((await db.vouchers.where('rewardId').equals(reward.id).toArray()).map((x) => x.code));
        const free = reward.codes.codes.find((c) => !held.has(c));
        if (!free) throw new PoolEmpty();
        code = free;
      } else code = fromProvider!.code;
      await debitPoints(db, reward.cost, elsewhere);
      const expiry = voucherExpiry(reward, now);
      const voucher: Voucher = {
        requestId,
        rewardId: reward.id,
        platform: reward.platform,
        code,
        points: reward.cost,
        issuedAt: now,
        expiresAt: fromProvider?.expiresAt !== undefined ? Math.min(expiry, fromProvider.expiresAt) : expiry,
        status: 'unused',
        title: reward.title,
      };
      voucher.id = await db.vouchers.add(voucher);
      return { ok: true as const, voucher, repeated: false };
    });
  } catch (error) {
    if (error instanceof InsufficientPoints) return { ok: false, reason: 'insufficient', detail: error.message };
    if (error instanceof PoolEmpty) return { ok: false, reason: 'pool-empty' };
    // The unique requestId index refused a second voucher for the same press: that press succeeded.
    const existing = (error as { name?: string }).name === 'ConstraintError' ? await issued(db, requestId) : undefined;
    if (existing) return { ok: true, voucher: existing, repeated: true };
    throw error;
  }
}
