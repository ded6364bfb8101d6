import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ledger } from '../../src/ledger/db';
import { send } from '../../src/messaging/protocol';
import { deleteSubAccountHistory } from '../../src/ledger/sub-account';
import { Options } from '../../src/ui/options/Options';
import '../../src/ui/options/options.css';
import { askPersistentStorage } from '../../src/ui/persist';
import { t, uiLocale } from '../../src/core/i18n';
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
        linksChanged: () => send((request) => browser.runtime.sendMessage(request), { type: 'links-changed' }),
        deleteHistory: deleteSubAccountHistory,
      }}
      events={browser.permissions}
      locale={uiLocale()}
      welcome={location.hash === '#welcome'}
      onLanguage={() => location.reload()}
    />,
    document.getElementById('app')!,
  );
});
