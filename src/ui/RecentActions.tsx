import { useState } from 'preact/hooks';
import type { Action } from '../ledger/db';
import { formatDate, formatGrams } from '../core/format';
import { t } from '../core/i18n';
import { kindMessageKey, type ChoiceKind } from '../core/kinds';
import { subAccountName } from './SubAccountList';

export const kindLabel = (kind: ChoiceKind) => t(kindMessageKey(kind));

export interface RecentActionsProps {
  actions: readonly Action[];
  locale: string;
  dispute(id: number): Promise<unknown>;
  undo(id: number): Promise<unknown>;
}

/** The newest actions, each with a button that disputes it or takes the dispute back. */
export function RecentActions({ actions, locale, dispute, undo }: RecentActionsProps) {
  // One click at a time per action: a double click must not dispute and undo in one go.
  const [busy, setBusy] = useState<number | undefined>();
  const toggle = async (action: Action) => {
    if (busy === action.id) return;
    setBusy(action.id);
    try {
      await (action.status === 'disputed' ? undo(action.id!) : dispute(action.id!));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <section class="card" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('recentActions')}</h2>
      {actions.length === 0 && <p>{t('noActionsYet')}</p>}
      <ul class="rows actions" data-testid="actions">
        {actions.map((a) => (
          <li key={a.id} class={a.status === 'active' ? undefined : 'not-counted'} data-status={a.status}>
            <span class="what" id={`action-${a.id}`}>
              {subAccountName(a.platform)} · {kindLabel(a.kind)} · {formatGrams(a.grams.central, locale)}
            </span>
            <span class="when">
              <time dateTime={new Date(a.committedAt).toISOString()}>{formatDate(a.committedAt, locale)}</time>
              {a.status === 'disputed' && <small class="status"> · {t('statusDisputed')}</small>}
              {a.status === 'capped' && <small class="status"> · {t('statusCapped')}</small>}
            </span>
            {a.status !== 'capped' && (
              <button
                type="button"
                class="link-button"
                aria-describedby={`action-${a.id}`}
                // aria-disabled, not disabled: a disabled button drops keyboard focus mid-click.
                aria-disabled={busy === a.id}
                onClick={() => void toggle(a)}
              >
                {a.status === 'disputed' ? t('undoDisputeButton') : t('disputeButton')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
