import { Fragment } from 'preact';
import { factorFor } from '../carbon/factors';
import { sourceHref } from '../carbon/sources';
import type { Action } from '../ledger/db';
import { formatDate, formatGrams, formatNumber, formatRange } from '../core/format';
import { t } from '../core/i18n';
import { kindMessageKey, type ChoiceKind } from '../core/kinds';
import { subAccountName } from './SubAccountList';

export const kindLabel = (kind: string) => t(kindMessageKey(kind as ChoiceKind));

/** Why a choice scored 0 g still shows: the reason in a shopper's words (docs/methodology.md). */
export function zeroReason(action: Pick<Action, 'kind' | 'detail' | 'grams'>): string | undefined {
  if (action.grams.central !== 0) return undefined;
  return action.kind === 'pickup-point' ? t('historyZeroPickup') : t('historyZeroUnsourced');
}

/** How the choice was made: left as the page served it, or changed by the shopper (unknown for older actions and non-native controls). */
function stateOf(action: Action): string {
  if (action.wasDefault) return t('historyStateDefault');
  return t('historyStateChosen');
}

/**
 * One action and why it counted: the option's words as the page showed them, its state, the
 * factor with its range and sources (each opens the source in Options), the points and the
 * methodology version it was recorded with.
 */
export function ActionRow({ action: a, locale, busy, toggle }: { action: Action; locale: string; busy: boolean; toggle(a: Action): void }) {
  const sources = factorFor(a.kind, a.detail).sources;
  const zero = zeroReason(a);
  return (
    <li class={a.status === 'active' ? 'action' : 'action not-counted'} data-status={a.status} data-kind={a.kind}>
      <span class="what" id={`action-${a.id}`}>
        {subAccountName(a.platform)} · {kindLabel(a.kind)} · {formatGrams(a.grams.central, locale)}
      </span>
      <span class="when">
        <time dateTime={new Date(a.committedAt).toISOString()}>{formatDate(a.committedAt, locale)}</time>
        {' · '}
        {t('pointsBalance', formatNumber(a.points, locale))}
        {a.status === 'disputed' && <small class="status"> · {t('statusDisputed')}</small>}
        {a.status === 'capped' && <small class="status"> · {t('statusCapped')}</small>}
      </span>
      <div class="why" data-testid="action-why">
        {a.label && <q lang="">{a.label}</q>} <span class="muted">{stateOf(a)}</span>
        {zero ? (
          <p class="zero" data-testid="zero-reason">
            {t('historySeen')} {zero}
          </p>
        ) : (
          <p class="muted">
            {t('historyFactor', [formatGrams(a.grams.central, locale), formatRange(a.grams.low, a.grams.high, locale, t)])}
          </p>
        )}
        <p class="muted sources">
          {t('historySources')}{' '}
          {sources.map((id, i) => (
            <Fragment key={id}>
              {i > 0 && ', '}
              <a href={sourceHref(id)} target="_blank">
                {id}
              </a>
            </Fragment>
          ))}
          {' · '}
          {t('historyMethodology', a.methodologyVersion)}
        </p>
      </div>
      {a.status !== 'capped' && (
        <button
          type="button"
          class="link-button"
          aria-describedby={`action-${a.id}`}
          // aria-disabled, not disabled: a disabled button drops keyboard focus mid-click.
          aria-disabled={busy}
          onClick={() => toggle(a)}
        >
          {a.status === 'disputed' ? t('undoDisputeButton') : t('disputeButton')}
        </button>
      )}
    </li>
  );
}
