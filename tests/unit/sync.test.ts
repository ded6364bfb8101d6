import { beforeEach, describe, expect, it } from 'vitest';
import { LedgerDb, type Action } from '../../src/ledger/db';
import { disputeAction } from '../../src/ledger/disputes';
import { mainAccount, points, subAccounts, weeklyByCategory } from '../../src/ledger/queries';
import { recordActions, recordOrder, scoreObservation } from '../../src/ledger/record';
import { SETTING } from '../../src/ledger/settings';
import { debitPoints } from '../../src/ledger/debits';
import { PLATFORMS } from '../../src/platforms/index';
import { CATEGORIES, CHOICE_KINDS } from '../../src/core/kinds';
import { platformTotalsAcross, pointsAcross, subAccountsElsewhere, totalAcross, weeksAcross } from '../../src/sync/account';
import { otherRecords, pushRecord, readSyncSettings, setSyncOn, SYNC_LOCAL, type PushDeps } from '../../src/sync/engine';
import { defaultDeviceName } from '../../src/sync/name';
import { MAX_RETRY_MS, problemKind, WRITE_GAP_MS } from '../../src/sync/policy';
import { CHART_DAYS, decodeDays, encodeDays, MAX_NAMED_SHOPS, OTHER_SHOPS, parseRecord, recordBytes, recordKey, type DeviceRecord } from '../../src/sync/record';
import { dayBefore, summarize } from '../../src/sync/summary';
import { MemoryArea, SyncCloud, type SyncReplica } from '../helpers/sync-area';

const NOON = new Date(2026, 10, 28, 12).getTime();
const DAY = 86_400_000;
/** Chrome's storage.sync quotas (chrome.storage.sync.QUOTA_BYTES_PER_ITEM, QUOTA_BYTES). */
const QUOTA_BYTES_PER_ITEM = 8_192;
const QUOTA_BYTES = 102_400;

let db: LedgerDb;
beforeEach(() => {
  db = new LedgerDb(`sync-${Math.random()}`);
});

let n = 0;
const order = (platform: string, kinds: Action['kind'][], committedAt = NOON, target = db) =>
  recordOrder(target, { platform, orderKey: `o-${++n}`, committedAt, observations: kinds.map((kind) => ({ kind, observedAt: committedAt })) });

describe('the record', () => {
  it('sums the ledger per sub-account, per kind, the points redeemed and 12 weeks of days per category', async () => {
    await order('ubereats', ['no-cutlery']);
    await order('amazon', ['slow-shipping', 'consolidated-shipping'], NOON - 3 * DAY);
    const [cutlery] = await order('ubereats', ['no-cutlery'], NOON - DAY);
    await disputeAction(db, cutlery.id!);
    await debitPoints(db, 10);
    const record = await summarize(db, 'Laptop', NOON);
    const ubereats = (await db.totals.get('platform:ubereats'))!;
    expect(record.p.ubereats).toEqual([ubereats.count, ubereats.grams, ubereats.gramsLow, ubereats.gramsHigh, ubereats.points]);
    expect(Object.keys(record.p).sort()).toEqual(['amazon', 'ubereats']);
    expect(record.k).toEqual({ 'no-cutlery': 1, 'slow-shipping': 1, 'consolidated-shipping': 1 });
    expect(record.r).toEqual([1, 10]);
    expect(record.n).toBe('Laptop');
    expect(record.u).toBe(NOON);
    expect(record.d[0]).toBe(dayBefore('2026-11-28', CHART_DAYS - 1));
    // the disputed day is empty; the Amazon day is 3 days before today, today is the last
    const food = decodeDays(record.d[1]['food-delivery']!);
    expect(food).toHaveLength(CHART_DAYS);
    expect(food.at(-1)).toBe(ubereats.grams);
    expect(food.slice(0, -1).every((g) => g === 0)).toBe(true);
    expect(decodeDays(record.d[1].marketplace!)).toEqual([...Array(CHART_DAYS - 4).fill(0), 96]);
    expect(parseRecord(JSON.parse(JSON.stringify(record)))).toEqual(record);
  });

  it('writes days as base-36 whole grams, an empty day as nothing', () => {
    expect(encodeDays([0, 15, 0, 0, 644_700, 0, 0])).toBe(',f,,,dtgc');
    expect(decodeDays(',f,,,dtgc')).toEqual([0, 15, 0, 0, 644_700]);
    expect(decodeDays(encodeDays([-640, 987_654_321]))).toEqual([-640, 987_654_321]);
    expect(encodeDays([0, 0])).toBe('');
    expect(decodeDays('')).toEqual([]);
  });

  it('is refused when damaged, so it is never summed', () => {
    const good: DeviceRecord = { v: 1, n: 'x', u: 1, p: { ubereats: [1, 15, 10, 40, 15] }, k: {}, r: [0, 0], d: ['2026-11-28', {}] };
    expect(parseRecord(good)).toEqual(good);
    for (const bad of [
      { ...good, v: 2 },
      { ...good, p: { ubereats: [1, 15, 10, 40] } },
      { ...good, p: { ubereats: [1, 'x', 10, 40, 15] } },
      { ...good, r: [0] },
      { ...good, d: ['yesterday', {}] },
      { ...good, d: ['2026-11-28', { nowhere: '1' }] },
      { ...good, d: ['2026-11-28', { grocery: [1] }] },
      { ...good, d: ['2026-11-28', { grocery: 'a,b c' }] },
      { ...good, d: ['2026-11-28', { grocery: ','.repeat(CHART_DAYS) }] },
      { ...good, n: 'x'.repeat(41) },
      null,
      'device',
    ])
      expect(parseRecord(bad)).toBeUndefined();
  });

  it('stays far under storage.sync’s 8 KB per item for a ledger using every kind on every platform for 12 weeks', async () => {
    await db.settings.put({ key: SETTING.dailyCap, value: 10_000 });
    const actions: Action[] = [];
    for (let day = 0; day < CHART_DAYS; day++)
      for (const platform of PLATFORMS)
        for (const kind of CHOICE_KINDS) {
          const at = NOON - day * DAY;
          const detail = kind === 'second-hand' ? 'laptop' : undefined;
          actions.push(scoreObservation({ platform: platform.id, orderKey: `d${day}`, committedAt: at, observations: [] }, { kind, detail, observedAt: at }));
        }
    expect(await recordActions(db, actions)).toBe(PLATFORMS.length * CHOICE_KINDS.length * CHART_DAYS);
    const id = crypto.randomUUID();
    const record = await summarize(db, 'x'.repeat(40), NOON);
    expect(Object.keys(record.p)).toHaveLength(PLATFORMS.length);
    expect(Object.keys(record.k)).toHaveLength(CHOICE_KINDS.length);
    for (const c of CATEGORIES) expect(decodeDays(record.d[1][c]!), c).toHaveLength(CHART_DAYS);
    const bytes = recordBytes(id, record);
    console.info(`sync record, every kind on every platform every day for 12 weeks (${actions.length} actions): ${bytes} bytes`);
    expect(bytes).toBeLessThan(QUOTA_BYTES_PER_ITEM / 2);
  });

  it('is a few hundred bytes for a shopper with a few orders a week', async () => {
    const platforms = ['ubereats', 'amazon', 'vinted', 'instacart'] as const;
    for (let day = 0; day < 365; day += 2)
      await order(platforms[day % platforms.length], day % 3 === 0 ? ['no-cutlery', 'e-invoice'] : ['no-plastic-bag'], NOON - day * DAY);
    const bytes = recordBytes(crypto.randomUUID(), await summarize(db, 'Chrome · Windows', NOON));
    console.info(`sync record, a year of an order every other day on 4 shops: ${bytes} bytes`);
    expect(bytes).toBeLessThan(1_024);
  });

  it('has a bound: shops added by address beyond the named ones are summed, and the largest figures still fit', async () => {
    // The materialized totals a decade of heavy use could reach, with 100 shops added by long addresses.
    const big = { count: 99_999, grams: 987_654_321, gramsLow: 987_654_321, gramsHigh: 987_654_321, points: 987_654_321 };
    const hosts = Array.from({ length: 100 }, (_, i) => `custom:${`shop-${i}-`.padEnd(60, 'x')}.example`);
    const today = '2026-11-28';
    await db.totals.bulkPut([
      ...PLATFORMS.map((p) => ({ key: `platform:${p.id}`, ...big })),
      ...hosts.map((h, i) => ({ key: `platform:${h}`, ...big, grams: big.grams - i })),
      ...CHOICE_KINDS.map((k) => ({ key: `kind:${k}`, ...big })),
      ...Array.from({ length: CHART_DAYS }, (_, d) => CATEGORIES.map((c) => ({ key: `daycat:${dayBefore(today, d)}:${c}`, ...big }))).flat(),
      { key: 'redeemed', ...big },
    ]);
    const record = await summarize(db, 'x'.repeat(40), NOON);
    expect(Object.keys(record.p)).toHaveLength(MAX_NAMED_SHOPS + 1);
    expect(record.p[OTHER_SHOPS]![0]).toBe(big.count * (PLATFORMS.length + hosts.length - MAX_NAMED_SHOPS));
    // the largest shops keep their names
    expect(record.p[hosts[0]]).toBeDefined();
    // nothing is lost in the folding
    expect(Object.values(record.p).reduce((s, p) => s + p[0], 0)).toBe(big.count * (PLATFORMS.length + hosts.length));
    const bytes = recordBytes(crypto.randomUUID(), record);
    console.info(`sync record, largest case: ${bytes} bytes; ${Math.floor(QUOTA_BYTES / bytes)} such browsers fit in 100 KB`);
    expect(bytes).toBeLessThan(QUOTA_BYTES_PER_ITEM);
  });
});

describe('the account across browsers', () => {
  it('adds the other browsers’ records to this ledger’s figures', async () => {
    const other = new LedgerDb(`sync-other-${Math.random()}`);
    await order('ubereats', ['no-cutlery']);
    await order('amazon', ['slow-shipping'], NOON - 20 * DAY);
    await order('ubereats', ['no-cutlery'], NOON - DAY, other);
    await order('jd', ['e-invoice'], NOON - 2 * DAY, other);
    await debitPoints(other, 5);
    const record = await summarize(other, 'Desktop', NOON);

    const total = totalAcross(await mainAccount(db), [record]);
    const mine = await mainAccount(db);
    const theirs = await mainAccount(other);
    expect(total).toEqual({ key: 'all', count: mine.count + theirs.count, grams: mine.grams + theirs.grams, gramsLow: mine.gramsLow + theirs.gramsLow, gramsHigh: mine.gramsHigh + theirs.gramsHigh, points: mine.points + theirs.points });
    expect(pointsAcross(await points(db), [record])).toEqual({
      earned: mine.points + theirs.points,
      redeemed: 5,
      balance: mine.points + theirs.points - 5,
      shortfall: 0,
    });

    const local = new Map((await subAccounts(db)).map((r) => [r.key.slice('platform:'.length), r]));
    const across = platformTotalsAcross(local, [record]);
    expect(across.get('ubereats')).toMatchObject({ count: 2, grams: 30 });
    expect(across.get('jd')).toEqual({ ...(await other.totals.get('platform:jd'))!, key: 'platform:jd' });
    expect(subAccountsElsewhere([{ platform: 'ubereats', linkedAt: 1 }], [record])).toEqual([{ platform: 'jd', linkedAt: 0 }]);

    // the chart: each week holds both ledgers' grams
    const weeks = weeksAcross(await weeklyByCategory(db, 12, NOON), [record]);
    const theirWeeks = await weeklyByCategory(other, 12, NOON);
    const myWeeks = await weeklyByCategory(db, 12, NOON);
    weeks.forEach((w, i) => {
      expect(w.grams).toBe(myWeeks[i].grams + theirWeeks[i].grams);
      for (const c of CATEGORIES) expect(w.byCategory[c].grams).toBe(myWeeks[i].byCategory[c].grams + theirWeeks[i].byCategory[c].grams);
    });
    // and the record read on a later day still lands in the right week
    const later = NOON + 9 * DAY;
    const laterWeeks = weeksAcross(await weeklyByCategory(db, 12, later), [record]);
    const theirLater = await weeklyByCategory(other, 12, later);
    const myLater = await weeklyByCategory(db, 12, later);
    laterWeeks.forEach((w, i) => expect(w.grams).toBe(myLater[i].grams + theirLater[i].grams));
  });
});

describe('writing the record', () => {
  let cloud: SyncCloud;
  let sync: SyncReplica;
  let local: MemoryArea;
  let clock: number;
  let deps: PushDeps;
  beforeEach(async () => {
    cloud = new SyncCloud();
    sync = cloud.replica();
    local = new MemoryArea();
    clock = NOON;
    deps = { db, stores: { sync, local }, now: () => clock, defaultName: async () => defaultDeviceName('Chrome', 'win') };
  });

  it('writes nothing while the switch is off (the default)', async () => {
    await order('ubereats', ['no-cutlery']);
    expect(await pushRecord(deps)).toEqual({ status: 'off' });
    expect(sync.data.size).toBe(0);
    expect((await readSyncSettings(local)).on).toBe(false);
  });

  it('writes at most once a minute, and only what changed', async () => {
    await setSyncOn(deps.stores, true);
    expect(await pushRecord(deps)).toEqual({ status: 'written' });
    const id = (await readSyncSettings(local)).installId!;
    expect(parseRecord(sync.data.get(recordKey(id)))).toMatchObject({ n: 'Chrome · Windows', p: {} });

    clock += 5_000;
    expect(await pushRecord(deps)).toEqual({ status: 'unchanged' });
    await order('ubereats', ['no-cutlery']);
    expect(await pushRecord(deps)).toEqual({ status: 'later', at: NOON + WRITE_GAP_MS });
    clock = NOON + WRITE_GAP_MS;
    expect(await pushRecord(deps)).toEqual({ status: 'written' });
    expect(parseRecord(sync.data.get(recordKey(id)))!.p.ubereats![0]).toBe(1);
    expect(sync.writes).toBe(2);
    expect((await readSyncSettings(local)).state).toEqual({ lastWriteAt: clock, syncedAt: clock });
  });

  it('keeps a refused write, says why, and tries again later until it lands', async () => {
    await setSyncOn(deps.stores, true);
    await order('ubereats', ['no-cutlery']);
    sync.refuseNext = 'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.';
    expect(await pushRecord(deps)).toEqual({ status: 'failed', at: NOON + WRITE_GAP_MS });
    expect((await readSyncSettings(local)).state.problem).toMatchObject({ kind: 'rate', attempts: 1, retryAt: NOON + WRITE_GAP_MS });

    clock = NOON + WRITE_GAP_MS;
    sync.refuseNext = 'QUOTA_BYTES quota exceeded';
    expect(await pushRecord(deps)).toEqual({ status: 'failed', at: clock + 2 * WRITE_GAP_MS });
    expect((await readSyncSettings(local)).state.problem).toMatchObject({ kind: 'quota', attempts: 2 });
    // not before the retry time
    clock += WRITE_GAP_MS;
    expect((await pushRecord(deps)).status).toBe('later');
    await order('amazon', ['slow-shipping']);
    clock += WRITE_GAP_MS;
    expect(await pushRecord(deps)).toEqual({ status: 'written' });
    const { state, installId } = await readSyncSettings(local);
    expect(state.problem).toBeUndefined();
    // the write carries everything, including what changed while it waited
    expect(Object.keys(parseRecord(sync.data.get(recordKey(installId!)))!.p).sort()).toEqual(['amazon', 'ubereats']);
  });

  it('backs off 1, 2, 4… minutes, at most an hour', async () => {
    await setSyncOn(deps.stores, true);
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      await order('ubereats', ['no-cutlery'], NOON + i);
      sync.refuseNext = 'offline';
      const result = await pushRecord(deps);
      expect(result.status).toBe('failed');
      if (result.status !== 'failed') return;
      waits.push((result.at - clock) / 60_000);
      clock = result.at;
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    expect(MAX_RETRY_MS).toBe(60 * 60_000);
  });

  it('names the kind of problem as Chrome and Firefox word it', () => {
    expect(problemKind(new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.'))).toBe('rate');
    expect(problemKind(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'))).toBe('quota');
    expect(problemKind(new Error('MAX_ITEMS quota exceeded'))).toBe('quota');
    expect(problemKind(new Error('QuotaExceededError: storage.sync API call exceeded its quota limitations.'))).toBe('quota');
    expect(problemKind(new Error('Network error'))).toBe('other');
  });

  it('turning the switch off removes this browser’s record and stops showing the others', async () => {
    const other = cloud.replica();
    await other.set({ [recordKey('other-install')]: await summarize(new LedgerDb(`sync-o-${Math.random()}`), 'Desktop', NOON) });
    other.up();
    await setSyncOn(deps.stores, true);
    await pushRecord(deps);
    sync.down();
    expect((await otherRecords(deps.stores)).map((o) => o.record.n)).toEqual(['Desktop']);
    const id = (await readSyncSettings(local)).installId!;
    expect(sync.data.has(recordKey(id))).toBe(true);

    await setSyncOn(deps.stores, false);
    expect(sync.data.has(recordKey(id))).toBe(false);
    expect(sync.data.has(recordKey('other-install'))).toBe(true);
    expect(await otherRecords(deps.stores)).toEqual([]);
    expect(await pushRecord(deps)).toEqual({ status: 'off' });
    sync.up();
    expect(cloud.server.has(recordKey(id))).toBe(false);
  });

  it('a record written while the switch went off does not stay behind', async () => {
    await setSyncOn(deps.stores, true);
    const racing: PushDeps = { ...deps, defaultName: async () => {
      await local.set({ [SYNC_LOCAL.on]: false });
      return 'x';
    } };
    expect(await pushRecord(racing)).toEqual({ status: 'off' });
    expect([...sync.data.keys()].filter((k) => k.startsWith('device:'))).toEqual([]);
  });
});
