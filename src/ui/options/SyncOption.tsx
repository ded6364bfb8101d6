import { useEffect, useState } from 'preact/hooks';
import type { LedgerDb } from '../../ledger/db';
import { browserSyncStores } from '../../sync/browser-stores';
import { setSyncOn, SYNC_LOCAL, type SyncStores } from '../../sync/engine';
import { MAX_NAME_LENGTH, recordKey } from '../../sync/record';
import { formatDate } from '../../core/format';
import { t } from '../../core/i18n';
import { syncStatus } from '../SyncedBrowsers';
import { useAcrossBrowsers, usePushOnLedgerChange } from '../use-across-browsers';

/**
 * Options → Your browsers: the switch that shows one account across the shopper's browsers
 * (off by default), what travels and through whom, this browser's name and sync state, and the
 * other browsers, each of which can be forgotten (a browser no longer used).
 */
export function SyncOption({ db, locale, stores = browserSyncStores() }: { db: LedgerDb; locale: string; stores?: SyncStores }) {
  const across = useAcrossBrowsers(stores);
  const on = across?.self.on ?? false;
  usePushOnLedgerChange(db, on, stores.local);
  const [name, setName] = useState('');
  useEffect(() => setName(across?.self.name ?? ''), [across?.self.name]);
  if (!across) return null;
  const status = syncStatus(across.self.state, locale);
  return (
    <section aria-labelledby="sync-heading" id="sync">
      <h2 id="sync-heading">{t('syncBrowsersTitle')}</h2>
      <div class="setting">
        <label>
          <input
            type="checkbox"
            data-testid="sync-switch"
            checked={on}
            aria-describedby="sync-what"
            onChange={(e) => void setSyncOn(stores, e.currentTarget.checked)}
          />{' '}
          {t('syncSwitch')}
        </label>
        <p id="sync-what" class="help">
          {t('syncWhatTravels')}
        </p>
      </div>
      {on && (
        <>
          <p role="status" class={status.problem ? 'problem' : 'help'} data-testid="sync-status">
            {status.text}
          </p>
          <form
            class="setting"
            onSubmit={(e) => {
              e.preventDefault();
              const typed = name.trim().slice(0, MAX_NAME_LENGTH);
              void (typed ? stores.local.set({ [SYNC_LOCAL.name]: typed }) : stores.local.remove(SYNC_LOCAL.name));
            }}
          >
            <label for="sync-name">{t('syncNameLabel')}</label>
            <input id="sync-name" type="text" maxLength={MAX_NAME_LENGTH} value={name} onInput={(e) => setName(e.currentTarget.value)} />
            <button type="submit">{t('save')}</button>
            <p class="help">{t('syncNameHelp')}</p>
          </form>
          {across.others.length > 0 && (
            <ul class="sync-others" data-testid="sync-others">
              {across.others.map(({ id, record }) => (
                <li key={id}>
                  <span>
                    {record.n} <small class="help">{t('syncLastSynced', formatDate(record.u, locale))}</small>
                  </span>{' '}
                  <button type="button" aria-label={t('syncForgetLabel', record.n)} onClick={() => void stores.sync.remove(recordKey(id))}>
                    {t('syncForget')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
