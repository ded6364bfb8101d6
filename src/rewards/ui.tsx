import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { LedgerDb, Voucher } from '../ledger/db';
import { platformById } from '../platforms/index';
import { browserPointsElsewhere } from '../sync/browser-stores';
import { formatDate, formatDay, formatNumber } from '../ui/format';
import { t } from '../ui/i18n';
import { useLiveQuery } from '../ui/use-live-query';
import { catalogLanguage } from './chip';
import { activeCatalog, feedPermission, refreshFeed, saveFeedUrl, type ActiveCatalog, type FeedProblem } from './feed';
import { checkRemoteUrl, type Reward } from './format';
import { requestCode } from './provider';
import { redeemReward, type RedeemDeps, type RedeemResult } from './redeem';
import { expireVouchers, listVouchers, voucherStatus } from './vouchers';

/** How redemption reaches the outside world: the clock, the provider endpoint (fetch) and the shopper's other browsers. */
export const browserRedeemDeps = (): RedeemDeps => ({
  now: () => Date.now(),
  issueCode: (url, body) => requestCode(url, body, globalThis.fetch.bind(globalThis)),
  elsewhere: browserPointsElsewhere,
});

const newPress = () => crypto.randomUUID();

/** What the user reads after a redemption. */
export function redeemMessage(result: RedeemResult): string {
  if (result.ok) return t('redeemDone', result.voucher.code);
  switch (result.reason) {
    case 'insufficient':
      return t('redeemInsufficient');
    case 'not-offered':
      return t('redeemNotOffered');
    case 'pool-empty':
      return t('redeemPoolEmpty');
    case 'provider-timeout':
      return t('redeemProviderTimeout');
    case 'provider-unreachable':
      return t('redeemProviderUnreachable');
    case 'provider-refused':
      return t('redeemProviderRefused', result.detail ?? '');
    case 'provider-garbage':
      return t('redeemProviderGarbage');
  }
}

/**
 * The redeem button of one reward. One press is one request id, kept while the redemption runs
 * and after a provider failure (a retry is the same press, so a provider that did issue a code
 * gives the same one back); the button is disabled while it runs, so a double click is one press.
 */
export function RedeemButton(props: { db: LedgerDb; reward: Reward; locale: string; deps?: RedeemDeps; onResult(message: string, ok: boolean): void }) {
  const { db, reward, locale } = props;
  const press = useRef(newPress());
  // A ref, not only state: a second click can arrive before the disabled state is rendered.
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const title = reward.title[catalogLanguage(locale)];
  return (
    <button
      type="button"
      class="redeem"
      aria-label={t('redeemLabel', [title, formatNumber(reward.cost, locale)])}
      aria-disabled={busy ? 'true' : undefined}
      onClick={async () => {
        if (running.current) return;
        running.current = true;
        setBusy(true);
        try {
          const result = await redeemReward(db, reward, press.current, props.deps ?? browserRedeemDeps());
          const providerProblem = !result.ok && result.reason.startsWith('provider-');
          if (!providerProblem) press.current = newPress();
          props.onResult(redeemMessage(result), result.ok);
        } catch (error) {
          console.error('[carbon-account] redeem', error);
          props.onResult(t('redeemFailed'), false);
        } finally {
          running.current = false;
          setBusy(false);
        }
      }}
    >
      {busy ? t('redeeming') : t('redeem')}
    </button>
  );
}

function feedWhy(problem: FeedProblem): string {
  switch (problem.kind) {
    case 'unreachable':
      return t('feedWhyUnreachable');
    case 'timeout':
      return t('feedWhyTimeout');
    case 'http':
      return t('feedWhyHttp', problem.detail);
    case 'not-json':
      return t('feedWhyNotJson');
    case 'too-large':
      return t('feedWhyTooLarge');
    case 'invalid':
      return t('feedWhyInvalid', problem.detail);
  }
}

/** Says the catalog is the sample programme, and why a configured feed is not in use or not fresh. */
export function CatalogNotice({ active, locale, sampleNote = true }: { active: ActiveCatalog; locale: string; sampleNote?: boolean }) {
  const date = (time: number) => formatDate(time, locale);
  return (
    <>
      {sampleNote && active.source === 'sample' && (
        <p class="muted sample-note" data-testid="rewards-sample">
          {t('rewardsSample')}
        </p>
      )}
      {active.problem && (
        <p class="notice problem" role="alert" data-testid="feed-problem">
          {active.source === 'feed' && active.fetchedAt !== undefined
            ? t('feedProblemKept', [feedWhy(active.problem), date(active.fetchedAt)])
            : t('feedProblemSample', feedWhy(active.problem))}
        </p>
      )}
    </>
  );
}

function voucherLine(voucher: Voucher, now: number, locale: string): string {
  const date = (time: number) => formatDay(time, locale);
  const status = voucherStatus(voucher, now);
  if (status === 'used') return t('voucherUsed', date(voucher.usedAt ?? voucher.issuedAt));
  if (status === 'expired') return t('voucherExpired', date(voucher.expiresAt));
  return t('voucherUnused', date(voucher.expiresAt));
}

/** The user's vouchers: unused first with a copy button each, then used and expired ones. */
export function VoucherList({ db, locale, now = Date.now }: { db: LedgerDb; locale: string; now?: () => number }) {
  useEffect(() => {
    void expireVouchers(db, now());
  }, [db]);
  const vouchers = useLiveQuery(() => listVouchers(db, now()), [db]);
  const [copied, setCopied] = useState('');
  if (!vouchers) return null;
  const lang = catalogLanguage(locale);
  return (
    <section class="card" aria-labelledby="vouchers-heading">
      <h2 id="vouchers-heading">{t('vouchersTitle')}</h2>
      {vouchers.length === 0 ? (
        <p class="muted">{t('noVouchers')}</p>
      ) : (
        <ul class="rows" data-testid="vouchers">
          {vouchers.map((x) => {
            const status = voucherStatus(x, now());
            return (
              <li key={x.id} data-status={status} data-code={x.code} class={`voucher ${status === 'unused' ? '' : 'not-counted'}`}>
                <span class="reward-name what">
                  <span>{x.title?.[lang] ?? x.rewardId}</span>
                  <small class="muted">
                    {x.platform === 'any' ? t('voucherAnyShop') : (platformById(x.platform)?.name ?? x.platform)} · {voucherLine(x, now(), locale)}
                  </small>
                </span>
                <code class="voucher-code">{x.code}</code>
                {status === 'unused' && (
                  <button
                    type="button"
                    class="link-button"
                    aria-label={t('voucherCopyLabel', x.code)}
                    onClick={async () => {
                      try {
                        await navigator.clipboard.writeText(x.code);
                        setCopied(t('voucherCopied', x.code));
                      } catch {
                        setCopied(t('voucherCopyFailed'));
                      }
                    }}
                  >
                    {t('voucherCopy')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p role="status" class="muted" data-testid="voucher-status">
        {copied}
      </p>
    </section>
  );
}

/**
 * The catalog to show, kept live; on first use it also refreshes the provider feed when one is
 * configured and was last tried a day or more ago (nothing is fetched otherwise).
 */
export function useActiveCatalog(db: LedgerDb, fetchFn: typeof fetch = globalThis.fetch?.bind(globalThis)): ActiveCatalog | undefined {
  useEffect(() => {
    void refreshFeed(db, { fetch: fetchFn, now: Date.now() }).catch((error: unknown) => console.error('[carbon-account] feed', error));
  }, [db]);
  return useLiveQuery(() => activeCatalog(db), [db]);
}

/** The slice of browser.permissions the feed setting uses. */
export interface OriginAccess {
  request(origin: string): Promise<boolean>;
  release(origin: string): Promise<void>;
}

export const browserOriginAccess: OriginAccess = {
  request: (origin) => browser.permissions.request({ origins: [origin] }),
  release: async (origin) => void (await browser.permissions.remove({ origins: [origin] })),
};

/**
 * Options → the rewards feed address. Saving an https address first asks the browser for that
 * one site (the only request the extension will then make), then fetches the feed at once and
 * says what came of it; an empty field goes back to the sample programme and gives the site back.
 */
export function FeedSetting({ db, locale, access, fetchFn = globalThis.fetch?.bind(globalThis) }: { db: LedgerDb; locale: string; access: OriginAccess; fetchFn?: typeof fetch }) {
  const active = useLiveQuery(() => activeCatalog(db), [db]);
  const [typed, setTyped] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState<{ text: string; problem: boolean } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  if (!active) return null;
  const value = typed ?? active.feedUrl ?? '';

  const fetchNow = async () => {
    const result = await refreshFeed(db, { fetch: fetchFn, now: Date.now(), force: true });
    const after = await activeCatalog(db);
    setMessage(result === 'updated' ? { text: t('feedSaved', formatNumber(after.catalog.rewards.length, locale)), problem: false } : undefined);
  };

  return (
    <form
      class="setting"
      noValidate
      aria-labelledby="feed-heading"
      onSubmit={async (e) => {
        e.preventDefault();
        if (busy) return;
        const text = value.trim();
        const checked = text ? checkRemoteUrl(text) : undefined;
        if (checked && !checked.ok) return setMessage({ text: t(checked.reason === 'not-https' ? 'feedNotHttps' : 'feedInvalid'), problem: true });
        setBusy(true);
        try {
          const before = active.feedUrl;
          if (checked?.ok) {
            // Asked straight from the click: the browser shows its prompt only for a user's gesture.
            const origin = feedPermission(checked.url.href);
            if (origin && !(await access.request(origin))) return setMessage({ text: t('feedPermissionRefused'), problem: true });
          }
          const saved = await saveFeedUrl(db, text);
          setTyped(undefined);
          const old = before ? feedPermission(before) : undefined;
          // The old feed's site goes back, unless it is also a shop the user added.
          const keep = before && (await db.subAccounts.get(`custom:${new URL(before).hostname}`));
          if (old && !keep && old !== (saved.ok && saved.url ? feedPermission(saved.url) : undefined)) await access.release(old);
          if (!saved.ok || !saved.url) return setMessage({ text: t('feedRemoved'), problem: false });
          await fetchNow();
        } finally {
          setBusy(false);
        }
      }}
    >
      <h3 id="feed-heading">{t('feedTitle')}</h3>
      <label for="feed-url">{t('feedLabel')}</label>
      <input
        id="feed-url"
        type="url"
        inputMode="url"
        spellcheck={false}
        placeholder="https://"
        value={value}
        aria-describedby="feed-help feed-state"
        aria-invalid={message?.problem ? true : undefined}
        onInput={(e) => {
          setTyped(e.currentTarget.value);
          setMessage(undefined);
        }}
      />
      <button type="submit" aria-disabled={busy ? 'true' : undefined}>
        {t('feedSave')}
      </button>
      {active.feedUrl && (
        <button type="button" aria-disabled={busy ? 'true' : undefined} onClick={() => void (busy || fetchNow())}>
          {t('feedRefresh')}
        </button>
      )}
      <p id="feed-help" class="help">
        {t('feedHelp')}
      </p>
      <p id="feed-state" data-testid="feed-state">
        {active.source === 'feed' && active.fetchedAt !== undefined
          ? t('feedStatusFeed', [formatNumber(active.catalog.rewards.length, locale), formatDate(active.fetchedAt, locale)])
          : t('feedStatusSample')}
      </p>
      <CatalogNotice active={active} locale={locale} sampleNote={false} />
      <p role="status" class={message?.problem ? 'problem' : 'ok'} data-testid="feed-message">
        {message?.text ?? ''}
      </p>
    </form>
  );
}
