import { rewardOutlook, type Reward } from '../rewards/catalog';
import { formatNumber } from './format';
import { t, type Locale } from './i18n';
import { subAccountName } from './SubAccountList';

/** The catalog language closest to a BCP 47 locale. */
export function catalogLocale(locale: string): Locale {
  const lower = locale.toLowerCase();
  if (lower.startsWith('zh')) return 'zh_CN';
  if (lower.startsWith('ja')) return 'ja';
  return 'en';
}

function RewardLine({ reward, locale }: { reward: Reward; locale: string }) {
  return (
    <span class="reward-name">
      <span>{reward.title[catalogLocale(locale)]}</span>
      <small class="muted">
        {reward.platform === 'any' ? t('rewardAnyShop') : subAccountName(reward.platform)} · {t('pointsBalance', formatNumber(reward.cost, locale))}
      </small>
    </span>
  );
}

/** What the balance redeems now, and how far it is from the next rewards. */
export function RewardsPanel({ rewards, balance, locale }: { rewards: readonly Reward[]; balance: number; locale: string }) {
  const { ready, next } = rewardOutlook(rewards, balance);
  return (
    <section class="card" aria-labelledby="rewards-heading">
      <h2 id="rewards-heading">{t('rewardsTitle')}</h2>
      {rewards.length === 0 && <p>{t('noRewards')}</p>}
      {ready.length > 0 && (
        <>
          <h3 id="rewards-ready">{t('rewardsReady')}</h3>
          <ul class="rows" aria-labelledby="rewards-ready" data-testid="rewards-ready">
            {ready.map((r) => (
              <li key={r.id} data-reward={r.id}>
                <RewardLine reward={r} locale={locale} />
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
    </section>
  );
}
