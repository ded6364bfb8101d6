import { useEffect, useState } from 'preact/hooks';
import type { StorageProblem } from '../messaging/storage-problem';
import type { LedgerDb, SubAccount } from '../ledger/db';
import { mainAccount, points, subAccounts, thisWeek, weeklyByCategory, type HistoryFilter } from '../ledger/queries';
import { rewardOutlook, rewardsFor, type Reward } from '../rewards/catalog';
import { platformTotalsAcross, pointsAcross, subAccountsElsewhere, totalAcross, weeksAcross } from '../sync/account';
import { CatalogNotice, useActiveCatalog } from './CatalogNotice';
import { ConfirmOrder } from './ConfirmOrder';
import { VoucherList } from './VoucherList';
import { t } from '../core/i18n';
import { History } from './History';
import { MainAccount } from './MainAccount';
import { milestones } from './milestones';
import { OnThisPage } from './OnThisPage';
import { Overview } from './Overview';
import { RewardsPanel } from './RewardsPanel';
import { SubAccountList, subAccountName } from './SubAccountList';
import { SyncedBrowsers } from './SyncedBrowsers';
import { Tabs } from './Tabs';
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

export type PopupTab = 'overview' | 'account' | 'rewards' | 'history';

/**
 * The account in four tabs: a first screen that says how it is going, then the account in
 * detail, rewards and vouchers, and the history. Every read is a materialized total or an index
 * range, so it opens as fast with a million actions as with ten; each part updates live.
 */
export function Popup({ db, locale, grants, onAccessChange, catalog, storageProblem, now = Date.now }: PopupProps) {
  const [tab, setTab] = useState<PopupTab>('overview');
  const [filter, setFilter] = useState<HistoryFilter>({});
  // With sync on, the other browsers' records are added to this browser's figures (src/sync/account.ts).
  const others = othersOf(useAcrossBrowsers());
  const local = useLiveQuery(() => Promise.all([mainAccount(db), points(db), thisWeek(db, now()), milestones(db)]), [db]);
  const account = local && ([totalAcross(local[0], others), pointsAcross(local[1], others), local[2], local[3]] as const);
  const linked = useLinked(db, grants, onAccessChange);
  const linkedIds = linked?.map((a) => a.platform) ?? [];
  // The 'platform:<id>' rows: one per platform ever counted, a few dozen at most.
  const localPlatforms = useLiveQuery(async () => new Map((await subAccounts(db)).map((row) => [row.key.slice('platform:'.length), row])), [db]);
  const platformTotals = localPlatforms && platformTotalsAcross(localPlatforms, others);
  const localWeeks = useLiveQuery(() => weeklyByCategory(db, 12, now()), [db]);
  const weeks = localWeeks && weeksAcross(localWeeks, others);
  const active = useActiveCatalog(db);
  const rewards = catalog ?? active?.catalog.rewards;
  const offered = rewards && linked ? rewardsFor(rewards, linkedIds) : undefined;
  const outlook = offered && account ? rewardOutlook(offered, account[1].balance) : undefined;
  const openHistory = (platform: string) => {
    setFilter({ platform });
    setTab('history');
  };

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
      <ConfirmOrder locale={locale} />
      <Tabs<PopupTab>
        label={t('extName')}
        current={tab}
        choose={setTab}
        tabs={[
          {
            id: 'overview',
            label: t('tabOverview'),
            panel: account && (
              <Overview
                total={account[0]}
                points={account[1]}
                week={account[2]}
                milestones={account[3]}
                next={outlook?.next[0]}
                ready={outlook?.ready.length ?? 0}
                locale={locale}
                openTab={setTab}
              >
                <OnThisPage locale={locale} />
              </Overview>
            ),
          },
          {
            id: 'account',
            label: t('tabAccount'),
            panel: (
              <>
                {account && <MainAccount total={account[0]} locale={locale} />}
                {linked && platformTotals && (
                  <SubAccountList
                    rows={[...linked, ...subAccountsElsewhere(linked, others)].map((a) => ({ account: a, total: platformTotals.get(a.platform) }))}
                    locale={locale}
                    open={openHistory}
                  />
                )}
                {weeks && <WeeklyChart weeks={weeks} locale={locale} />}
                <SyncedBrowsers db={db} locale={locale} />
              </>
            ),
          },
          {
            id: 'rewards',
            label: t('tabRewards'),
            panel: (
              <>
                {account && offered && (
                  <RewardsPanel
                    rewards={offered}
                    balance={account[1].balance}
                    locale={locale}
                    db={db}
                    notice={active && !catalog && <CatalogNotice active={active} locale={locale} />}
                  />
                )}
                {account && <VoucherList db={db} locale={locale} now={now} />}
              </>
            ),
          },
          { id: 'history', label: t('tabHistory'), panel: <History db={db} locale={locale} filter={filter} setFilter={setFilter} /> },
        ]}
      />
    </main>
  );
}
