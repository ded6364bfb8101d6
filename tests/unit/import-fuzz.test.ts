import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { LedgerDb } from '../../src/ledger/db';
import { recordOrder } from '../../src/ledger/record';
import { exportJson, importJson } from '../../src/ledger/transfer';

/**
 * A thousand corrupt or hostile import files: each is refused with a message and leaves the
 * account exactly as it was, or is imported whole with the totals still matching the actions.
 */

const db = new LedgerDb('import-fuzz');
let valid: Record<string, unknown>;

async function dump(): Promise<string> {
  const tables = [db.actions, db.totals, db.vouchers, db.subAccounts, db.orderAliases, db.settings];
  return JSON.stringify(await Promise.all(tables.map((t) => t.toArray())));
}

async function totalsMatchActions(): Promise<boolean> {
  const active = (await db.actions.toArray()).filter((a) => a.status === 'active');
  const all = await db.totals.get('all');
  const grams = active.reduce((s, a) => s + a.grams.central, 0);
  return (all?.count ?? 0) === active.length && Math.abs((all?.grams ?? 0) - grams) < 1e-6;
}

beforeAll(async () => {
  const now = Date.UTC(2026, 10, 1, 12);
  for (let i = 0; i < 5; i++) {
    await recordOrder(db, {
      platform: i % 2 ? 'ubereats' : 'jd',
      orderKey: `order-${i}`,
      observations: [{ kind: i % 2 ? 'no-cutlery' : 'e-invoice', observedAt: now }],
      committedAt: now + i * 86_400_000,
    });
  }
  valid = JSON.parse(await exportJson(db));
  await db.actions.clear();
  await db.totals.clear();
  await recordOrder(db, {
    platform: 'ubereats',
    orderKey: 'already-here',
    observations: [{ kind: 'no-cutlery', observedAt: now }],
    committedAt: now,
  });
});

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
const hostileValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.constantFrom(Number.MAX_VALUE, -1, 1e300, 0.5, 2 ** 53 + 1),
  fc.string({ maxLength: 20 }),
  fc.constantFrom('x'.repeat(100_000), '<img src=x onerror=alert(1)>', '=HYPERLINK("http://evil")', '\u0000\uFFFF'),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.constant({}),
);

type Mutation = (file: Record<string, unknown>) => string;

/** Walks to a random place in the export and replaces, deletes or pollutes it. */
const mutateAtPath = fc
  .tuple(fc.nat(), fc.nat(), fc.constantFrom('replace', 'delete', 'pollute', 'extra'), hostileValue, fc.constantFrom(...HOSTILE_KEYS))
  .map(([a, b, op, value, key]): Mutation => (file) => {
    const copy = structuredClone(file) as Record<string, unknown>;
    const sections = Object.keys(copy);
    let parent: Record<string, unknown> = copy;
    let name = sections[a % sections.length];
    const child = parent[name];
    if (Array.isArray(child) && child.length && b % 3) {
      const row = child[b % child.length] as Record<string, unknown>;
      const fields = Object.keys(row);
      parent = row;
      name = fields[b % fields.length];
    }
    if (op === 'replace') parent[name] = value;
    else if (op === 'delete') delete parent[name];
    const text = JSON.stringify(copy);
    // JSON text is the only way to put a literal "__proto__" key in a file, as an attacker would.
    if (op === 'pollute') return text.replace(/^\{/, `{"${key}":{"polluted":true,"isAdmin":true},`);
    if (op === 'extra') return text.replace(/"actions":\[\{/, `"actions":[{"${key}":${JSON.stringify(value)},`);
    return text;
  });

const wholeFile = fc.oneof(
  fc.string({ maxLength: 200 }).map((s): Mutation => () => s),
  fc.nat(60).map((depth): Mutation => () => '['.repeat(depth * 200) + ']'.repeat(depth * 200)),
  fc.nat(60).map((depth): Mutation => (file) => JSON.stringify({ ...file, settings: [{ key: 'deep', value: JSON.parse('['.repeat((depth + 1) * 50) + ']'.repeat((depth + 1) * 50)) }] })),
  fc.nat(99).map((cut): Mutation => (file) => JSON.stringify(file).slice(0, Math.floor((JSON.stringify(file).length * cut) / 100))),
  fc.constantFrom<Mutation>(
    (file) => JSON.stringify({ ...file, version: 2 }),
    (file) => JSON.stringify({ ...file, format: 'something-else' }),
    (file) => `\uFEFF${JSON.stringify(file)}`,
    (file) => JSON.stringify([file]),
    () => 'null',
    () => '"carbon-account"',
    (file) => JSON.stringify({ ...file, actions: Array(3).fill((file.actions as unknown[])[0]) }),
  ),
);

it('refuses each corrupt or hostile file cleanly, or imports it whole', async () => {
  let refused = 0;
  let imported = 0;
  await fc.assert(
    fc.asyncProperty(fc.oneof(mutateAtPath, wholeFile), async (mutation) => {
      const before = await dump();
      const text = mutation(valid);
      const result = await importJson(db, text);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('isAdmin');
      if (!result.ok) {
        refused++;
        expect(result.error.length).toBeGreaterThan(10);
        expect(await dump()).toBe(before);
      } else {
        imported++;
        expect(await totalsMatchActions()).toBe(true);
        for (const a of await db.actions.toArray()) expect(Object.getPrototypeOf(a)).toBe(Object.prototype);
      }
    }),
    { numRuns: 1000, seed: 20261128 },
  );
  // Most mutations break the file; some (a harmless extra setting, a duplicated row) do not.
  expect(refused).toBeGreaterThan(500);
  expect(refused + imported).toBe(1000);
}, 120_000);

it.each([
  ['an unknown setting', { key: 'rewardsFeed', value: 'https://evil.example/feed' }],
  ['a daily cap that switches the cap off', { key: 'dailyCap', value: 1e9 }],
  ['a language we do not ship', { key: 'language', value: 'xx' }],
])('refuses a file carrying %s, and names it', async (_name, setting) => {
  const before = await dump();
  const result = await importJson(db, JSON.stringify({ ...valid, settings: [setting] }));
  expect(result.ok).toBe(false);
  expect(!result.ok && result.error).toMatch(/settings row 1/);
  expect(await dump()).toBe(before);
});
