import type { ComponentChildren } from 'preact';
import type { Total } from '../ledger/db';
import type { Points } from '../ledger/queries';
import type { Reward } from '../rewards/catalog';
import { formatGrams, formatNumber } from '../core/format';
import { t } from '../core/i18n';
import type { MilestoneState } from './milestones';
import { catalogLocale } from './RewardsPanel';
import { actionCount } from './SubAccountList';

export interface OverviewProps {
  total: Total;
  points: Points;
  week: { grams: number; count: number };
  /** the cheapest reward the balance does not reach yet, and how many it reaches now */
  next?: Reward;
  ready: number;
  milestones: readonly MilestoneState[];
  locale: string;
  openTab(tab: 'rewards' | 'account'): void;
  /** small components other features add to the first screen (a prompt, a reading panel…) */
  children?: ComponentChildren;
}

/** The first screen: how am I doing. Total, points, the next reward, this week, milestones. */
export function Overview({ total, points, week, next, ready, milestones, locale, openTab, children }: OverviewProps) {
  return (
    <section class="card main-account" aria-labelledby="account-heading">
      <h2 id="account-heading">{t('mainAccount')}</h2>
      <p class="total" data-testid="total-grams">
        {t('co2eAvoided', formatGrams(total.grams, locale))}
      </p>
      <p class="points" data-testid="points">
        {t('pointsBalance', formatNumber(points.balance, locale))}
      </p>
      {points.shortfall > 0 && (
        <p class="muted" data-testid="shortfall">
          {t('pointsShortfall', formatNumber(points.shortfall, locale))}
        </p>
      )}
      <p data-testid="this-week">{t('overviewThisWeek', [formatGrams(week.grams, locale), actionCount(week.count, locale)])}</p>
      {ready > 0 && (
        <p>
          <button type="button" class="link-button" data-testid="rewards-ready-count" onClick={() => openTab('rewards')}>
            {t('overviewRewardsReady', formatNumber(ready, locale))}
          </button>
        </p>
      )}
      {next && (
        <div class="next-reward" data-testid="next-reward">
          <p>{t('overviewNextReward', next.title[catalogLocale(locale)])}</p>
          <progress max={next.cost} value={points.balance} aria-label={t('rewardProgressLabel', next.title[catalogLocale(locale)])} />
          <small>{t('rewardProgress', [formatNumber(points.balance, locale), formatNumber(next.cost, locale)])}</small>
        </div>
      )}
      <h3 id="milestones-heading">{t('milestonesTitle')}</h3>
      <ul class="milestones" aria-labelledby="milestones-heading" data-testid="milestones">
        {milestones.map(({ milestone, value, reached }) => (
          <li key={milestone.id} data-milestone={milestone.id} data-reached={reached}>
            <span aria-hidden="true" class="medal">
              {reached ? '★' : '☆'}
            </span>
            <span>
              {t(`milestone_${milestone.id.replace(/-/g, '_')}`)}
              <small class="muted">
                {' · '}
                {reached
                  ? t('milestoneReached')
                  : milestone.field === 'grams'
                    ? t('milestoneProgress', [formatGrams(value, locale), formatGrams(milestone.goal, locale)])
                    : t('milestoneProgress', [formatNumber(value, locale), formatNumber(milestone.goal, locale)])}
              </small>
            </span>
          </li>
        ))}
      </ul>
      {children}
    </section>
  );
}
