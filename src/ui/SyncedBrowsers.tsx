import type { LedgerDb } from '../ledger/db';
import { mainAccount } from '../ledger/queries';
import { recordSums } from '../sync/account';
import type { SyncState } from '../sync/policy';
import { formatDate, formatGrams } from '../core/format';
import { t } from '../core/i18n';
import { useAcrossBrowsers, usePushOnLedgerChange } from './use-across-browsers';
import { useLiveQuery } from './use-live-query';

const PROBLEM_MESSAGE = { rate: 'syncProblemRate', quota: 'syncProblemQuota', other: 'syncProblemOther' } as const;

/** When this browser's record last reached the sync area, or why it has not and when it is tried again. */
export function syncStatus(state: SyncState, locale: string): { text: string; problem: boolean } {
  if (state.problem) return { text: t(PROBLEM_MESSAGE[state.problem.kind], formatDate(state.problem.retryAt, locale)), problem: true };
  if (state.syncedAt !== undefined) return { text: t('syncLastSynced', formatDate(state.syncedAt, locale)), problem: false };
  return { text: t('syncNotYet'), problem: false };
}

/**
 * The account's browsers while sync is on: this one and each other, with its name, its share
 * of the account and when it last synced. Nothing while sync is off.
 */
export function SyncedBrowsers({ db, locale }: { db: LedgerDb; locale: string }) {
  const across = useAcrossBrowsers();
  const on = across?.self.on ?? false;
  usePushOnLedgerChange(db, on);
  const here = useLiveQuery(() => mainAccount(db), [db]);
  if (!across || !on || !here) return null;
  const status = syncStatus(across.self.state, locale);
  return (
    <section class="card" aria-labelledby="browsers-heading" data-testid="synced-browsers">
      <h2 id="browsers-heading">{t('syncBrowsersTitle')}</h2>
      <ul class="rows">
        <li data-testid="this-browser">
          <span class="name">{t('syncThisBrowser')}</span>
          <span class="figures">{formatGrams(here.grams, locale)}</span>
          <small class={status.problem ? 'browser-status sync-problem' : 'browser-status muted'} role={status.problem ? 'alert' : undefined}>
            {status.text}
          </small>
        </li>
        {[...across.others]
          .sort((a, b) => b.record.u - a.record.u)
          .map(({ id, record }) => (
            <li key={id} data-testid="other-browser" data-install={id}>
              <span class="name">{record.n}</span>
              <span class="figures">{formatGrams(recordSums(record)[1], locale)}</span>
              <small class="browser-status muted">{t('syncLastSynced', formatDate(record.u, locale))}</small>
            </li>
          ))}
      </ul>
    </section>
  );
}
