import { browser } from 'wxt/browser';
import { refreshBadge } from '../src/background/badge';
import { forgetTab, handleMessage, type FlowDeps } from '../src/background/checkout-flow';
import { checkoutInjector, watchingProbe } from '../src/background/injection';
import { hashOrderRef } from '../src/background/order-key';
import { handlePageRequest, isExtensionPage, type PageRequestDeps } from '../src/background/page-requests';
import { CHECKOUT_SCRIPT, refreshLinks } from '../src/background/registration';
import { ledger } from '../src/ledger/db';
import { saltOnce } from '../src/background/salt';
import { packagedMessages } from '../src/core/i18n';
import { pushRecord, SYNC_LOCAL, type PushDeps } from '../src/sync/engine';
import { defaultDeviceName } from '../src/sync/name';
import { followUp, isSyncAlarm } from '../src/sync/schedule';

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

    // One account across the shopper's browsers (src/sync): this installation's record in
    // storage.sync, written when the ledger changed, at most once a minute, retried when refused.
    const sync: PushDeps = {
      db: deps.db,
      stores: { sync: browser.storage.sync, local: browser.storage.local },
      now: () => Date.now(),
      defaultName: async () => defaultDeviceName(import.meta.env.FIREFOX ? 'Firefox' : 'Chrome', (await browser.runtime.getPlatformInfo()).os),
    };
    // One push at a time (an alarm and a recorded order can coincide), so the write gap holds.
    const pushSync = () =>
      deps
        .exclusive('sync-push', () => pushRecord(sync))
        .then((result) => followUp(browser.alarms, result))
        .catch((e: unknown) => console.error('[carbon-account] sync', e));
    browser.alarms.onAlarm.addListener(({ name }) => {
      if (isSyncAlarm(name)) void pushSync();
    });
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && (SYNC_LOCAL.on in changes || SYNC_LOCAL.name in changes)) void pushSync();
    });

    browser.tabs.onRemoved.addListener((tabId) => void forgetTab(deps, tabId));
    // A linked platform's checkout and confirmation pages get the checkout script; no other page does.
    const scripting = {
      watching: async (tabId: number) => (await browser.scripting.executeScript({ target: { tabId }, func: watchingProbe }))[0]?.result === true,
      inject: (tabId: number) => browser.scripting.executeScript({ target: { tabId }, files: [`/${CHECKOUT_SCRIPT}` as const] }),
    };
    const inject = checkoutInjector(scripting, deps.db.subAccounts, deps.log);
    browser.tabs.onUpdated.addListener((tabId, change, tab) => void inject(tabId, change, tab));

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
            if (reply.ok && 'recorded' in reply && reply.recorded > 0) {
              void badge();
              void pushSync();
            }
            return reply;
          });
      reply.then(sendResponse, (error: unknown) => sendResponse({ ok: false, reason: String(error) }));
      return true;
    });
    browser.runtime.onInstalled.addListener(({ reason }) => {
      void links(reason === 'install' || reason === 'update' ? 'all' : 'none');
      void pushSync();
      if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/options.html#welcome') });
    });
    browser.runtime.onStartup.addListener(() => {
      void links('none');
      void badge();
      void pushSync();
    });
    browser.permissions.onAdded.addListener((added) => void links(added.origins ?? []));
    browser.permissions.onRemoved.addListener(() => void links('none'));
  },
});
