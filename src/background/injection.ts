import { routedPage } from '../detect/page';
import { platformForHost } from '../platforms/index';
import type { LinkStore } from './registration';

/**
 * The checkout script reaches a linked platform's pages only where it has work: the background
 * hears every address change of a tab on a host the browser lets it read (`tabs.onUpdated`
 * carries the URL only for those, with no `tabs` permission) and injects the script when the
 * address is a checkout or confirmation. Every other page of the shop runs nothing of ours.
 */

/** The part of `tabs.onUpdated`'s arguments that decides an injection. */
export interface TabChange {
  /** set when the tab's address changed (a load, or a same-document move of a single-page shop) */
  url?: string;
  status?: string;
}

/** Injection into a tab's top frame (`scripting.executeScript`, wired in the background entry). */
export interface InjectionApi {
  /** whether the checkout script already watches the tab's page (runs watchingProbe there) */
  watching(tabId: number): Promise<boolean>;
  /** runs the checkout script (CHECKOUT_SCRIPT) in the tab's page */
  inject(tabId: number): Promise<unknown>;
}

/**
 * The platform whose checkout script has work at `url`: a supported platform's checkout or
 * confirmation address. Pure; a linked check comes after.
 */
export function checkoutWorkAt(url: string | undefined): string | undefined {
  if (!url?.startsWith('https:')) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const platform = platformForHost(parsed.hostname);
  return platform && routedPage(parsed, platform.routes) !== 'other' ? platform.id : undefined;
}

/**
 * When a tab change may need the checkout script: a page that finished loading, or an address
 * change of a page already loaded (a single-page move, back or forward). An address change
 * while the page still loads waits for that load's end, so the script goes into the new document.
 */
export function injectionMoment(change: TabChange, tabStatus: string | undefined): boolean {
  return change.status === 'complete' || (change.url !== undefined && tabStatus === 'complete');
}

/**
 * Runs in the page's isolated world: whether the checkout script already watches it. It is
 * serialized into the page, so the flag's name is spelled out (a test checks it is WATCHING_FLAG).
 */
export const watchingProbe = () => (globalThis as Record<string, unknown>)['carbonCheckoutWatching'] === true;

/**
 * Injects the checkout script into the tab when its page is a linked platform's checkout or
 * confirmation and the script is not already watching it. Per-tab calls are chained, so the
 * two events of one load (address, then complete) cannot inject twice.
 */
export function checkoutInjector(api: InjectionApi, links: Pick<LinkStore, 'get'>, log: (problem: string) => void) {
  const queues = new Map<number, Promise<void>>();

  const injectIfNeeded = async (tabId: number, url: string) => {
    const platform = checkoutWorkAt(url);
    if (!platform || !(await links.get(platform))) return;
    if (!(await api.watching(tabId))) await api.inject(tabId);
  };

  return (tabId: number, change: TabChange, tab: { url?: string; status?: string }) => {
    if (!injectionMoment(change, tab.status) || !checkoutWorkAt(tab.url)) return Promise.resolve();
    const url = tab.url!;
    const next = (queues.get(tabId) ?? Promise.resolve())
      .then(() => injectIfNeeded(tabId, url))
      // A tab that closed or moved on meanwhile refuses the injection: nothing to do there.
      .catch((error: unknown) => log(`checkout script not injected: ${String(error)}`));
    queues.set(tabId, next);
    void next.then(() => {
      if (queues.get(tabId) === next) queues.delete(tabId);
    });
    return next;
  };
}
