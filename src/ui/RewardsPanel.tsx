import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { LedgerDb } from '../ledger/db';
import { rewardOutlook, type Reward } from '../rewards/catalog';
import { RedeemButton } from './RedeemButton';
import { formatNumber } from '../core/format';
import { t, type Locale } from '../core/i18n';
import { subAccountName } from './SubAccountList';

/** The catalog language closest to a BCP 47 locale. */
export function catalogLocale(locale: string): Locale {
  const lower = locale.toLowerCase();
  if (lower.startsWith('zh')) return 'zh_CN';
  if (lower.startsWith('ja')) return 'ja';
  return 'en';
}

function RewardLine({ reward, locale, terms = false }: { reward: Reward; locale: string; terms?: boolean }) {
  return (
    <span class="reward-name">
      <span>{reward.title[catalogLocale(locale)]}</span>
      <small class="muted">
        {reward.platform === 'any' ? t('rewardAnyShop') : subAccountName(reward.platform)} · {t('pointsBalance', formatNumber(reward.cost, locale))}
      </small>
      {terms && <small class="muted reward-terms">{reward.terms[catalogLocale(locale)]}</small>}
    </span>
  );
}

/**
 * What the balance redeems now (each with a redeem button when `db` is given), and how far it
 * is from the next rewards. `notice` says where the catalog comes from (CatalogNotice.tsx).
 */
export function RewardsPanel({ rewards, balance, locale, db, notice }: { rewards: readonly Reward[]; balance: number; locale: string; db?: LedgerDb; notice?: ComponentChildren }) {
  const { ready, next } = rewardOutlook(rewards, balance);
  const [redeemed, setRedeemed] = useState<{ text: string; ok: boolean } | undefined>(undefined);
  return (
    <section class="card" aria-labelledby="rewards-heading">
      <h2 id="rewards-heading">{t('rewardsTitle')}</h2>
      {notice}
      {rewards.length === 0 && <p>{t('noRewards')}</p>}
      {ready.length > 0 && (
        <>
          <h3 id="rewards-ready">{t('rewardsReady')}</h3>
          <ul class="rows" aria-labelledby="rewards-ready" data-testid="rewards-ready">
            {ready.map((r) => (
              <li key={r.id} data-reward={r.id}>
                <RewardLine reward={r} locale={locale} terms />
                {db && <RedeemButton db={db} reward={r} locale={locale} onResult={(text, ok) => setRedeemed({ text, ok })} />}
              </li>
            ))}
          </ul>
        </>
      )}
      {next.length > 0 && (
        <>
          <h3 id="rewards-next">{t('rewardsNext')}</h3>
          <ul class="rows" aria-labelledby="rewards-next" data-testid="rewards-next">
            {next.slice(0, 3).map((r) => (
              <li key={r.id} data-reward={r.id} class="reward-progress">
                <RewardLine reward={r} locale={locale} />
                <progress max={r.cost} value={balance} aria-label={t('rewardProgressLabel', r.title[catalogLocale(locale)])} />
                <small>{t('rewardProgress', [formatNumber(balance, locale), formatNumber(r.cost, locale)])}</small>
              </li>
            ))}
          </ul>
        </>
      )}
      {db && (
        <p role="status" class={redeemed && !redeemed.ok ? 'redeem-status problem' : 'redeem-status'} data-testid="redeem-status">
          {redeemed?.text ?? ''}
        </p>
      )}
    </section>
  );
}
