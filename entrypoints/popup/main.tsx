import { render } from 'preact';
import { browser } from 'wxt/browser';
import { send } from '../../src/messaging/protocol';
import { asStorageProblem, STORAGE_PROBLEM_KEY } from '../../src/messaging/storage-problem';
import { grants } from '../../src/platforms/links';
import { ledger } from '../../src/ledger/db';
import { askPersistentStorage } from '../../src/ui/persist';
import { uiLocale } from '../../src/core/i18n';
import { applyLanguageSetting } from '../../src/ui/language';
import { Popup } from '../../src/ui/Popup';
import '../../src/ui/popup.css';

const db = ledger();
void askPersistentStorage(navigator.storage);
const onAccessChange = (listener: () => void) => {
  browser.permissions.onAdded.addListener(listener);
  browser.permissions.onRemoved.addListener(listener);
  return () => {
    browser.permissions.onAdded.removeListener(listener);
    browser.permissions.onRemoved.removeListener(listener);
  };
};

// Opening the popup is seeing what was new: the badge clears.
void send((request) => browser.runtime.sendMessage(request), { type: 'popup-opened' }).catch(() => undefined);
// The language chosen in Options (if any) applies before the first render.
void Promise.all([applyLanguageSetting(db), browser.storage.session.get(STORAGE_PROBLEM_KEY)]).then(([, stored]) =>
  render(
    <Popup
      db={db}
      locale={uiLocale()}
      grants={(ids) => grants(browser, ids)}
      onAccessChange={onAccessChange}
      storageProblem={asStorageProblem(stored[STORAGE_PROBLEM_KEY])}
    />,
    document.getElementById('app')!,
  ),
);
