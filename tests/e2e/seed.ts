import type { Worker } from '@playwright/test';

/**
 * Adds `count` used-clothing actions on Vinted recorded today (1.8 kg, 50 points each, as the
 * methodology scores them) with their share of every total, straight into the ledger from the
 * service worker: a quick way to a balance a reward costs, where placing a dozen orders would not.
 */
export const seedSecondHand = (sw: Worker, count: number) =>
  sw.evaluate(
    (count) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('carbon-account');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['actions', 'totals'], 'readwrite');
          const now = Date.now();
          const d = new Date(now);
          const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
          const grams = { central: 1800, low: 1479, high: 8853 };
          for (let i = 0; i < count; i++) {
            tx.objectStore('actions').add({
              platform: 'vinted', kind: 'second-hand', detail: 'clothing', orderKey: `seed-${now}-${i}`, wasDefault: false,
              observedAt: now, committedAt: now, day, grams, points: 50, methodologyVersion: '2026.11-3', status: 'active',
            });
          }
          const totals = tx.objectStore('totals');
          for (const key of ['all', 'platform:vinted', 'kind:second-hand', `day:${day}`, `daycat:${day}:second-hand`]) {
            const get = totals.get(key);
            get.onsuccess = () => {
              const row = get.result ?? { key, count: 0, grams: 0, gramsLow: 0, gramsHigh: 0, points: 0 };
              totals.put({
                key, count: row.count + count, grams: row.grams + count * grams.central, gramsLow: row.gramsLow + count * grams.low,
                gramsHigh: row.gramsHigh + count * grams.high, points: row.points + count * 50,
              });
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    count,
  );
