import { placeOrderButton } from '../detect/place-order';
import type { PageReading } from '../core/kinds';
import { send, type ReplyTo, type Transport } from '../messaging/protocol';
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
  /** hands a message to the background and resolves with its answer */
  send: Transport;
  /** told of every reading (null off the platform's pages), e.g. for the voucher chip */
  onReading?(reading: PageReading | null): void;
  /** told of the background's answer to a reading it was sent (a checkout's carries the vouchers for the chip) */
  onAnswer?(reading: PageReading, answer: ReplyTo<'page-read'>): void;
  /** told when a trusted place-order press is reported */
  onOrderPlaced?(reading: PageReading): void;
}

const WATCHED_ATTRIBUTES = ['aria-checked', 'aria-pressed', 'aria-selected', 'checked', 'selected', 'hidden', 'style', 'class'];

/** What the extension itself puts in the page (the voucher chip's host). */
const OWN = '[data-carbon-account]';
/** Elements a reading looks at: a change of look (class, style, hidden) elsewhere cannot change it. */
const READ = 'input, select, button, [role], [aria-checked], [aria-pressed], [aria-selected]';
const LOOK = new Set(['class', 'style', 'hidden']);

/**
 * Whether a batch of mutations can change a reading: nodes added or removed (a heading's text
 * too: a shop may confirm in place), a choice's state, or the look of something holding a
 * control. A spinner's animation or our own chip cannot, so they do not make the watcher read.
 */
function matters(records: MutationRecord[]): boolean {
  return records.some((r) => {
    const target = r.target as Element;
    if (target.closest?.(OWN)) return false;
    if (r.type === 'attributes') return !LOOK.has(r.attributeName!) || target.matches(READ) || target.querySelector(READ) !== null;
    const nodes = [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)];
    return nodes.some((n) => n.nodeType !== 1 || !(n as Element).matches(OWN));
  });
}

/**
 * Watches a linked platform's checkout or confirmation page (the background injects it there;
 * a custom shop's pages run it throughout): reads the page at once and again after each batch
 * of mutations that can change the reading (the MutationObserver's own batching; no timer ever
 * runs), reports a reading only when it changed, and reports a trusted press of the
 * place-order button. Single-page moves (history API, back/forward, the Navigation API) are
 * followed; on pages that are not checkout or confirmation it only compares the URL.
 */
export function watchCheckout(win: Window & typeof globalThis, ctx: WatchContext, options: WatchOptions): () => void {
  const doc = win.document;
  const documentAt = win.performance.timeOrigin;
  let defaults = new Set<ChoiceKind>();
  let touched = false;
  let lastUrl = '';
  let lastPage: PageReading['page'] | undefined;
  let lastSent = '';
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
    if (!reading || reading.page === 'other') {
      // Back at a checkout later, its reading is sent again (its answer carries the vouchers anew).
      lastSent = '';
      return;
    }
    reportIdentity(reading.platform);
    const signature = JSON.stringify(reading);
    if (signature === lastSent) return;
    lastSent = signature;
    void send(options.send, { type: 'page-read', reading, documentAt })
      .then((answer) => options.onAnswer?.(reading, answer))
      .catch(() => undefined);
  };

  let lastIdentity: string | undefined;
  const reportIdentity = (platform: string) => {
    const linkedAs = platformById(platform)?.identity?.(new URL(win.location.href), doc);
    if (!linkedAs || linkedAs === lastIdentity) return;
    lastIdentity = linkedAs;
    void options.send({ type: 'identity-seen', platform, linkedAs }).catch(() => undefined);
  };

  const observer = new win.MutationObserver((records) => {
    if (matters(records)) scan();
  });
  observer.observe(doc.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES });

  // A checkbox's `checked` property changes without a mutation: listen for the user's input.
  const onUserInput = (event: Event) => {
    if (!event.isTrusted) return;
    touched = true;
    scan();
  };
  ctx.addEventListener(doc, 'change', onUserInput, { capture: true });
  ctx.addEventListener(
    doc,
    'click',
    (event) => {
      if (!event.isTrusted) return;
      touched = true;
      // The page's answer to the click (a switch's aria-checked) is a mutation, read when it comes.
      if (!placeOrderButton(event.target)) return;
      const reading = read();
      if (reading?.page !== 'checkout') return;
      void options.send({ type: 'order-placed', reading, documentAt }).catch(() => undefined);
      options.onOrderPlaced?.(reading);
    },
    { capture: true },
  );
  ctx.addEventListener(win, 'popstate', scan);
  ctx.addEventListener(win, 'hashchange', scan);
  // The Navigation API (Chromium, recent Firefox) tells of same-document navigations the page makes.
  const navigation = (win as unknown as { navigation?: EventTarget }).navigation;
  if (navigation) ctx.addEventListener(navigation, 'navigatesuccess', scan);

  const stop = () => {
    stopped = true;
    observer.disconnect();
  };
  ctx.onInvalidated(stop);
  scan();
  return stop;
}
