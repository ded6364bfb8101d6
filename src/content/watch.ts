import { placeOrderButton } from '../detect/place-order';
import type { PageReading } from '../core/kinds';
import type { Message } from '../messaging/protocol';
import { detectCustomShop } from '../detect/generic';
import { detectPage, platformById } from '../platforms/index';
import type { ChoiceKind } from '../core/kinds';

/** The part of WXT's content-script context the watcher uses. */
export interface WatchContext {
  /** adds a listener that is removed when the context is invalidated */
  addEventListener(target: EventTarget, type: string, listener: (event: Event) => void, options?: AddEventListenerOptions): void;
  onInvalidated(callback: () => void): void;
}

export interface WatchOptions {
  send(message: Message): Promise<unknown>;
  debounceMs?: number;
  /** told of every reading (null off the platform's pages), e.g. for the voucher chip */
  onReading?(reading: PageReading | null): void;
  /** told when a trusted place-order press is reported */
  onOrderPlaced?(reading: PageReading): void;
}

const WATCHED_ATTRIBUTES = ['aria-checked', 'aria-pressed', 'aria-selected', 'checked', 'selected', 'hidden', 'style', 'class'];

/**
 * Watches a linked platform's pages: reads the checkout when the DOM settles (debounced
 * MutationObserver, no timers polling), reports changes, and reports a trusted press of the
 * place-order button. On pages that are not checkout or confirmation it only compares the URL,
 * so single-page navigation (history API) to checkout or confirmation is noticed; back/forward
 * and the Navigation API's events schedule the same check when the DOM does not change.
 */
export function watchCheckout(win: Window & typeof globalThis, ctx: WatchContext, options: WatchOptions): () => void {
  const doc = win.document;
  const documentAt = win.performance.timeOrigin;
  const debounceMs = options.debounceMs ?? 150;
  let defaults = new Set<ChoiceKind>();
  let touched = false;
  let lastUrl = '';
  let lastPage: PageReading['page'] | undefined;
  let lastSent = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const read = (): PageReading | null => {
    const url = new URL(win.location.href);
    // The script runs only where the user linked: off a platform's hosts, that is a shop they added.
    const reading = detectPage(url, doc) ?? detectCustomShop(url, doc);
    if (!reading) return null;
    if (reading.page === 'checkout') {
      if (!touched) reading.observations.forEach((o) => defaults.add(o.kind));
      reading.observations = reading.observations.map((o) => ({ ...o, wasDefault: defaults.has(o.kind) }));
    }
    return reading;
  };

  const scan = () => {
    timer = undefined;
    if (stopped) return;
    const url = win.location.href;
    if (url === lastUrl && lastPage === 'other') return;
    const entering = url !== lastUrl && lastPage !== 'checkout';
    lastUrl = url;
    if (entering) {
      // A new checkout in the same tab (a single-page shop): what it shows first is its default.
      defaults = new Set();
      touched = false;
    }
    const reading = read();
    lastPage = reading?.page;
    options.onReading?.(reading);
    if (!reading || reading.page === 'other') return;
    reportIdentity(reading.platform);
    const signature = JSON.stringify(reading);
    if (signature === lastSent) return;
    lastSent = signature;
    void options.send({ type: 'page-read', reading, documentAt }).catch(() => undefined);
  };

  let lastIdentity: string | undefined;
  const reportIdentity = (platform: string) => {
    const linkedAs = platformById(platform)?.identity?.(new URL(win.location.href), doc);
    if (!linkedAs || linkedAs === lastIdentity) return;
    lastIdentity = linkedAs;
    void options.send({ type: 'identity-seen', platform, linkedAs }).catch(() => undefined);
  };

  const schedule = () => {
    if (timer === undefined && !stopped) timer = setTimeout(scan, debounceMs);
  };

  const observer = new win.MutationObserver(schedule);
  observer.observe(doc.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES });

  // A checkbox's `checked` property changes without a mutation: listen for the user's input.
  const onUserInput = (event: Event) => {
    if (!event.isTrusted) return;
    touched = true;
    schedule();
  };
  ctx.addEventListener(doc, 'change', onUserInput, { capture: true });
  ctx.addEventListener(
    doc,
    'click',
    (event) => {
      if (!event.isTrusted) return;
      touched = true;
      if (!placeOrderButton(event.target)) return schedule();
      const reading = read();
      if (reading?.page !== 'checkout') return;
      void options.send({ type: 'order-placed', reading, documentAt }).catch(() => undefined);
      options.onOrderPlaced?.(reading);
    },
    { capture: true },
  );
  ctx.addEventListener(win, 'popstate', schedule);
  ctx.addEventListener(win, 'hashchange', schedule);
  // The Navigation API (Chromium, recent Firefox) tells of same-document navigations the page makes.
  const navigation = (win as unknown as { navigation?: EventTarget }).navigation;
  if (navigation) ctx.addEventListener(navigation, 'navigatesuccess', schedule);

  const stop = () => {
    stopped = true;
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  };
  ctx.onInvalidated(stop);
  scan();
  return stop;
}
