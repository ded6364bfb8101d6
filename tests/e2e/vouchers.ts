import type { Worker } from '@playwright/test';

/** The stored vouchers, read in the service worker. */
export const storedVouchers = (sw: Worker) =>
  sw.evaluate(
    () =>
      new Promise<{ code: string; status: string; platform: string; usedAt?: number }[]>((resolve, reject) => {
        const open = indexedDB.open('carbon-account');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('vouchers').objectStore('vouchers').getAll();
          all.onsuccess = () => {
            resolve(all.result);
            open.result.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
