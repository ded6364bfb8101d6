import { closestLocale } from '../core/i18n';
import type { ChipVoucher } from '../messaging/protocol';

/** Translated strings, looked up by messages.json key (browser.i18n in the content script). */
export type Text = (key: string, substitutions?: string | string[]) => string;

export interface ChipOptions {
  text: Text;
  /** BCP 47 language of the UI, for the reward title and the expiry date */
  language: string;
  onCopy(voucher: ChipVoucher): Promise<boolean>;
  onFill(voucher: ChipVoucher): boolean;
  onDismiss(): void;
}

const STYLE = `
:host { all: initial; }
.chip { box-sizing: border-box; width: 100%; font: 13px/1.4 system-ui, sans-serif; color: #14281d; background: #f3faf5;
  border: 1px solid #2f7d4f; border-radius: 10px; padding: 8px 10px; box-shadow: 0 2px 10px rgb(0 0 0 / 0.18); }
.head { display: flex; align-items: center; gap: 8px; justify-content: space-between; font-weight: 600; }
ul { list-style: none; margin: 6px 0 0; padding: 0; }
li + li { margin-top: 6px; border-top: 1px solid #cfe5d6; padding-top: 6px; }
code { white-space: nowrap; font: 600 13px ui-monospace, monospace; background: #fff; border: 1px solid #cfe5d6; border-radius: 4px; padding: 0 4px; user-select: all; }
.meta { color: #3d5a48; font-size: 12px; }
.actions { display: flex; gap: 6px; margin-top: 4px; flex-wrap: wrap; }
button { font: inherit; cursor: pointer; border-radius: 6px; border: 1px solid #2f7d4f; background: #fff; color: #1d5535; padding: 2px 8px; }
button:focus-visible { outline: 3px solid #1a73e8; outline-offset: 1px; }
.close { border: none; background: transparent; font-size: 16px; line-height: 1; padding: 2px 6px; }
.status { min-height: 1em; font-size: 12px; margin: 4px 0 0; }
@media (prefers-color-scheme: dark) {
  .chip { color: #e3f2e8; background: #17261d; border-color: #6cc08f; }
  code { background: #0f1a13; border-color: #35563f; }
  .meta { color: #b5d3bf; }
  li + li { border-color: #35563f; }
  button { background: #0f1a13; color: #bfe8cf; border-color: #6cc08f; }
}
@media (prefers-reduced-motion: no-preference) { .chip { transition: opacity 0.15s; } }
`;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(doc.createElement(tag), props);
  node.append(...children);
  return node;
}

export interface Chip {
  /** the element added to the page; the chip is in its shadow root */
  host: HTMLElement;
  update(vouchers: readonly ChipVoucher[], canFill: boolean): void;
  remove(): void;
}

/**
 * The voucher chip: a small panel in a shadow root (the shop's styles do not reach in; it holds
 * only codes meant for this shop), with copy and fill buttons per voucher and a dismiss button;
 * Escape dismisses too.
 * Built with DOM calls, never from HTML strings. It does not place itself: see placeChip.
 */
export function createChip(doc: Document, options: ChipOptions): Chip {
  const { text } = options;
  const host = doc.createElement('div');
  host.setAttribute('data-carbon-account', 'voucher-chip');
  host.style.cssText =
    'position:fixed;z-index:2147483646;left:0;top:0;visibility:hidden;margin:0;padding:0;width:min(320px, calc(100vw - 32px));';
  const root = host.attachShadow({ mode: 'open' });
  const style = el(doc, 'style', { textContent: STYLE });
  const titleId = 'carbon-voucher-title';
  const panel = el(doc, 'section', { className: 'chip' });
  panel.setAttribute('role', 'region');
  panel.setAttribute('aria-labelledby', titleId);
  const close = el(doc, 'button', { className: 'close', type: 'button', textContent: '×', title: text('chipDismiss') });
  close.setAttribute('aria-label', text('chipDismiss'));
  close.addEventListener('click', () => options.onDismiss());
  const heading = el(doc, 'span', { id: titleId, textContent: text('chipHeading') });
  const list = el(doc, 'ul');
  const status = el(doc, 'p', { className: 'status' });
  status.setAttribute('role', 'status');
  panel.append(el(doc, 'div', { className: 'head' }, heading, close), list, status);
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') options.onDismiss();
  });
  root.append(style, panel);
  doc.documentElement.append(host);

  const lang = closestLocale(options.language);
  const dates = new Intl.DateTimeFormat(options.language, { dateStyle: 'medium' });

  return {
    host,
    update(vouchers, canFill) {
      list.replaceChildren(
        ...vouchers.slice(0, 3).map((voucher) => {
          const title = voucher.title?.[lang] ?? voucher.code;
          const copy = el(doc, 'button', { type: 'button', textContent: text('chipCopy') });
          copy.setAttribute('aria-label', text('chipCopyLabel', voucher.code));
          copy.addEventListener('click', async () => {
            status.textContent = (await options.onCopy(voucher)) ? text('chipCopied', voucher.code) : text('chipCopyFailed');
          });
          const buttons: HTMLElement[] = [copy];
          if (canFill) {
            const fill = el(doc, 'button', { type: 'button', textContent: text('chipFill') });
            fill.setAttribute('aria-label', text('chipFillLabel', voucher.code));
            fill.addEventListener('click', () => {
              status.textContent = options.onFill(voucher) ? text('chipFilled') : text('chipNoField');
            });
            buttons.push(fill);
          }
          return el(
            doc,
            'li',
            {},
            el(doc, 'div', {}, title, ' ', el(doc, 'code', { textContent: voucher.code })),
            el(doc, 'div', { className: 'meta', textContent: text('chipExpires', dates.format(voucher.expiresAt)) }),
            el(doc, 'div', { className: 'actions' }, ...buttons),
          );
        }),
      );
    },
    remove() {
      host.remove();
    },
  };
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const MARGIN = 16;
/** Space kept between the chip and the place-order button. */
const CLEARANCE = 8;

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right + CLEARANCE && b.left - CLEARANCE < a.right && a.top < b.bottom + CLEARANCE && b.top - CLEARANCE < a.bottom;
}

/** Sets a style property only when it differs, so placing the chip again changes nothing on the page. */
function setStyle(host: HTMLElement, property: 'left' | 'top' | 'visibility', value: string): void {
  if (host.style[property] !== value) host.style[property] = value;
}

/**
 * Puts the chip in the first viewport corner (bottom right, bottom left, top right, top left)
 * where it does not cover the place-order button; when no corner is clear (a tiny window) it
 * stays invisible (and takes no clicks) until the next placement. Writes only what changed.
 * Returns the corner used, or null.
 */
export function placeChip(host: HTMLElement, avoid: Box | null, viewport: { width: number; height: number }): string | null {
  const { width, height } = host.getBoundingClientRect();
  const corners: [string, number, number][] = [
    ['bottom-right', viewport.width - width - MARGIN, viewport.height - height - MARGIN],
    ['bottom-left', MARGIN, viewport.height - height - MARGIN],
    ['top-right', viewport.width - width - MARGIN, MARGIN],
    ['top-left', MARGIN, MARGIN],
  ];
  for (const [name, left, top] of corners) {
    if (left < 0 || top < 0) continue;
    if (avoid && overlaps({ left, top, right: left + width, bottom: top + height }, avoid)) continue;
    setStyle(host, 'left', `${Math.round(left)}px`);
    setStyle(host, 'top', `${Math.round(top)}px`);
    setStyle(host, 'visibility', 'visible');
    return name;
  }
  setStyle(host, 'visibility', 'hidden');
  return null;
}
