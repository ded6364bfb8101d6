import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ledger } from '../../src/ledger/db';
import { deleteSubAccountHistory } from '../../src/ledger/sub-account';
import { showHashTarget } from '../../src/options/hash';
import { Options } from '../../src/options/Options';
import '../../src/options/options.css';
import { askPersistentStorage } from '../../src/ui/persist';
import { t, uiLocale } from '../../src/ui/i18n';
import { applyLanguageSetting } from '../../src/ui/language';

const db = ledger();
void askPersistentStorage(navigator.storage);
void applyLanguageSetting(db).then(() => {
  document.title = t('optionsTitle');
  render(
    <Options
      deps={{
        api: browser,
        db,
        now: () => Date.now(),
        exclusive: <T,>(name: string, task: () => Promise<T>) => navigator.locks.request(name, task) as Promise<T>,
        deleteHistory: deleteSubAccountHistory,
      }}
      events={browser.permissions}
      locale={uiLocale()}
      welcome={location.hash === '#welcome'}
      onLanguage={() => location.reload()}
    />,
    document.getElementById('app')!,
  );
  showHashTarget(document, location.hash);
});
