import { browser } from 'wxt/browser';
import { forgetTab, handleMessage, type FlowDeps } from '../src/background/checkout-flow';
import { hashOrderRef } from '../src/background/order-key';
import { syncRegistrations } from '../src/background/registration';
import { ledger } from '../src/ledger/db';
import { orderSalt } from '../src/background/salt';

export default defineBackground({
  type: 'module',
  main() {
    const deps: FlowDeps = {
      db: ledger(),
      session: browser.storage.session,
      extensionId: browser.runtime.id,
      now: () => Date.now(),
      orderKey: async (platform, ref) => hashOrderRef(await orderSalt(browser.storage.local), platform, ref),
      newCheckoutId: () => crypto.randomUUID(),
      log: (reason) => console.warn(`[carbon-account] ${reason}`),
      exclusive: <T>(name: string, task: () => Promise<T>) => navigator.locks.request(name, task) as Promise<T>,
    };

    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      handleMessage(message, { id: sender.id, url: sender.url, tabId: sender.tab?.id, frameId: sender.frameId }, deps)
        .then(sendResponse, (error: unknown) => sendResponse({ ok: false, reason: String(error) }));
      return true;
    });
    browser.tabs.onRemoved.addListener((tabId) => void forgetTab(deps.session, tabId));

    const sync = () => syncRegistrations(browser).catch((e: unknown) => console.error('[carbon-account] registration', e));
    browser.runtime.onInstalled.addListener(sync);
    browser.runtime.onStartup.addListener(sync);
    browser.permissions.onAdded.addListener(sync);
    browser.permissions.onRemoved.addListener(sync);
  },
});
