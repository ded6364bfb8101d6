import { useEffect } from 'preact/hooks';
import type { LedgerDb } from '../ledger/db';
import { formatDate } from '../core/format';
import { t } from '../core/i18n';
import { useLiveQuery } from './use-live-query';
import { activeCatalog, type ActiveCatalog, type FeedProblem, refreshFeed } from '../rewards/feed';

/** Why a configured feed is not in use or not fresh, in the user's words. */
export function feedWhy(problem: FeedProblem): string {
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
