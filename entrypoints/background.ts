import { browser } from 'wxt/browser';
import { refreshBadge } from '../src/background/badge';
import { forgetTab, handleMessage, type FlowDeps } from '../src/background/checkout-flow';
import { hashOrderRef } from '../src/background/order-key';
import { handlePageRequest, isExtensionPage, type PageRequestDeps } from '../src/background/page-requests';
import { refreshLinks } from '../src/background/registration';
import { ledger } from '../src/ledger/db';
import { saltOnce } from '../src/background/salt';
import { packagedMessages } from '../src/core/i18n';

export default defineBackground({
  type: 'module',
  main() {
    const salt = saltOnce(browser.storage.local);
    const deps: FlowDeps = {
      db: ledger(),
      session: browser.storage.session,
      extensionId: browser.runtime.id,
      now: () => Date.now(),
      orderKey: async (platform, ref) => hashOrderRef(await salt(), platform, ref),
      newCheckoutId: () => crypto.randomUUID(),
      log: (reason) => console.warn(`[carbon-account] ${reason}`),
      exclusive: <T>(name: string, task: () => Promise<T>) => navigator.locks.request(name, task) as Promise<T>,
      messagesOf: packagedMessages,
    };

    // The badge shows the points earned since the popup was last opened.
    const badge = () =>
      refreshBadge(deps.db, browser.action, browser.i18n.getUILanguage()).catch((e: unknown) => console.error('[carbon-account] badge', e));

    browser.tabs.onRemoved.addListener((tabId) => void forgetTab(deps, tabId));

    const links = (adopt: 'all' | readonly string[] | 'none') =>
      refreshLinks(browser, deps.db.subAccounts, deps.exclusive, { adopt, now: Date.now() }).catch((e: unknown) =>
        console.error('[carbon-account] registration', e),
      );
    const pages: PageRequestDeps = { db: deps.db, action: browser.action, now: () => Date.now(), linksChanged: () => links('none') };
    const extensionOrigin = browser.runtime.getURL('/');

    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      const reply = isExtensionPage(sender, browser.runtime.id, extensionOrigin)
        ? handlePageRequest(message, pages)
        : handleMessage(message, { id: sender.id, url: sender.url, tabId: sender.tab?.id, frameId: sender.frameId }, deps).then((reply) => {
            if (reply.ok && 'recorded' in reply && reply.recorded > 0) void badge();
            return reply;
          });
      reply.then(sendResponse, (error: unknown) => sendResponse({ ok: false, reason: String(error) }));
      return true;
    });
    browser.runtime.onInstalled.addListener(({ reason }) => {
      void links(reason === 'install' || reason === 'update' ? 'all' : 'none');
      if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/options.html#welcome') });
    });
    browser.runtime.onStartup.addListener(() => {
      void links('none');
      void badge();
    });
    browser.permissions.onAdded.addListener((added) => void links(added.origins ?? []));
    browser.permissions.onRemoved.addListener(() => void links('none'));
  },
});
