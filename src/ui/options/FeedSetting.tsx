import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { LedgerDb } from '../../ledger/db';
import { formatDate, formatNumber } from '../../core/format';
import { CUSTOM_PREFIX } from '../../core/ids';
import { t } from '../../core/i18n';
import { CatalogNotice } from '../CatalogNotice';
import { useLiveQuery } from '../use-live-query';
import { activeCatalog, feedPermission, refreshFeed, saveFeedUrl } from '../../rewards/feed';
import { checkRemoteUrl } from '../../rewards/format';

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
          const keep = before && (await db.subAccounts.get(`${CUSTOM_PREFIX}${new URL(before).hostname}`));
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
