import { useEffect, useState } from 'preact/hooks';
import type { StorageProblem } from '../messaging/storage-problem';
import type { LedgerDb, SubAccount } from '../ledger/db';
import { disputeAction, undoDispute } from '../ledger/disputes';
import { mainAccount, points, recentActions, subAccounts, weeklyByCategory } from '../ledger/queries';
import { rewardsFor, type Reward } from '../rewards/catalog';
import { platformTotalsAcross, pointsAcross, subAccountsElsewhere, totalAcross, weeksAcross } from '../sync/account';
import { CatalogNotice, useActiveCatalog } from './CatalogNotice';
import { VoucherList } from './VoucherList';
import { t } from '../core/i18n';
import { MainAccount } from './MainAccount';
import { OnThisPage } from './OnThisPage';
import { RecentActions } from './RecentActions';
import { RewardsPanel } from './RewardsPanel';
import { SubAccountList, subAccountName } from './SubAccountList';
import { SyncedBrowsers } from './SyncedBrowsers';
import { othersOf, useAcrossBrowsers } from './use-across-browsers';
import { useLiveQuery } from './use-live-query';
import { WeeklyChart } from './WeeklyChart';

export interface PopupProps {
  db: LedgerDb;
  locale: string;
  /** which of these sub-accounts' sites the browser grants (permissions.contains) */
  grants(ids: readonly string[]): Promise<Map<string, boolean>>;
  /** subscribes to site-access changes; returns the unsubscribe */
  onAccessChange?(listener: () => void): () => void;
  /** the rewards to offer; by default the active catalog (the provider feed's, else the bundled sample) */
  catalog?: readonly Reward[];
  /** the ledger could not be written (storage full); shown until it can */
  storageProblem?: StorageProblem;
  now?: () => number;
}

/** Sub-accounts the user linked whose sites the browser still grants: the linked platforms. */
function useLinked(db: LedgerDb, grants: PopupProps['grants'], onAccessChange: PopupProps['onAccessChange']): SubAccount[] | undefined {
  const rows = useLiveQuery(() => db.subAccounts.toArray(), [db]);
  const [accessChanges, setAccessChanges] = useState(0);
  useEffect(() => onAccessChange?.(() => setAccessChanges((n) => n + 1)), [onAccessChange]);
  const [linked, setLinked] = useState<SubAccount[] | undefined>();
  useEffect(() => {
    if (!rows) return;
    let current = true;
    void grants(rows.map((r) => r.platform)).then((granted) => {
      if (current) setLinked(rows.filter((r) => granted.get(r.platform)));
    });
    return () => {
      current = false;
    };
  }, [rows, accessChanges]);
  return linked;
}

/**
 * The main account at a glance. Every read is a materialized total or an index range
 * (recent actions, 12 weeks of day × category rows), so it opens as fast with a million
 * actions as with ten; each part updates live as the ledger changes.
 */
export function Popup({ db, locale, grants, onAccessChange, catalog, storageProblem, now = Date.now }: PopupProps) {
  // With sync on, the other browsers' records are added to this browser's figures (src/sync/account.ts).
  const others = othersOf(useAcrossBrowsers());
  const local = useLiveQuery(() => Promise.all([mainAccount(db), points(db)]), [db]);
  const account = local && ([totalAcross(local[0], others), pointsAcross(local[1], others)] as const);
  const linked = useLinked(db, grants, onAccessChange);
  const linkedIds = linked?.map((a) => a.platform) ?? [];
  // The 'platform:<id>' rows: one per platform ever counted, a few dozen at most.
  const localPlatforms = useLiveQuery(async () => new Map((await subAccounts(db)).map((row) => [row.key.slice('platform:'.length), row])), [db]);
  const platformTotals = localPlatforms && platformTotalsAcross(localPlatforms, others);
  const localWeeks = useLiveQuery(() => weeklyByCategory(db, 12, now()), [db]);
  const weeks = localWeeks && weeksAcross(localWeeks, others);
  const actions = useLiveQuery(() => recentActions(db, 10), [db]);
  const active = useActiveCatalog(db);
  const rewards = catalog ?? active?.catalog.rewards;

  return (
    <main class="popup">
      <header>
        <h1>{t('extName')}</h1>
        <a href="/options.html" target="_blank">
          {t('popupOpenOptions')}
        </a>
      </header>
      {storageProblem && (
        <p role="alert" class="notice" data-testid="storage-problem">
          {t('storageFull', subAccountName(storageProblem.platform))}
        </p>
      )}
      <OnThisPage locale={locale} />
      {account && <MainAccount total={account[0]} balance={account[1].balance} locale={locale} />}
      {linked && platformTotals && (
        <SubAccountList
          rows={[...linked, ...subAccountsElsewhere(linked, others)].map((account) => ({ account, total: platformTotals.get(account.platform) }))}
          locale={locale}
        />
      )}
      {weeks && <WeeklyChart weeks={weeks} locale={locale} />}
      {actions && (
        <RecentActions actions={actions} locale={locale} dispute={(id) => disputeAction(db, id)} undo={(id) => undoDispute(db, id)} />
      )}
      {account && linked && rewards && (
        <RewardsPanel
          rewards={rewardsFor(rewards, linkedIds)}
          balance={account[1].balance}
          locale={locale}
          db={db}
          notice={active && !catalog && <CatalogNotice active={active} locale={locale} />}
        />
      )}
      {account && <VoucherList db={db} locale={locale} now={now} />}
      <SyncedBrowsers db={db} locale={locale} />
    </main>
  );
}
