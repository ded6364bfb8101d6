import { useState } from 'preact/hooks';
import type { Action, LedgerDb } from '../ledger/db';
import { disputeAction, undoDispute } from '../ledger/disputes';
import { history, historyChoices, type HistoryFilter } from '../ledger/queries';
import { ActionRow, kindLabel } from './ActionRow';
import { dateFormat } from '../core/format';
import { t } from '../core/i18n';
import { subAccountName } from './SubAccountList';
import { useLiveQuery } from './use-live-query';

const PAGE = 30;

function monthLabel(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number);
  return dateFormat(locale, { year: 'numeric', month: 'long' }).format(new Date(y, m - 1, 1));
}

function Select(props: { id: string; label: string; value: string | undefined; options: [string, string][]; onChange(v: string | undefined): void }) {
  return (
    <label class="filter" for={props.id}>
      <span>{props.label}</span>
      <select id={props.id} value={props.value ?? ''} onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value || undefined)}>
        <option value="">{t('historyAll')}</option>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Every action, newest first, filterable by shop, kind and month, each with why it counted and
 * a button that disputes it or takes the dispute back. `filter` comes from outside so a
 * sub-account can open its own history.
 */
export function History({ db, locale, filter, setFilter }: { db: LedgerDb; locale: string; filter: HistoryFilter; setFilter(f: HistoryFilter): void }) {
  const [limit, setLimit] = useState(PAGE);
  const choices = useLiveQuery(() => historyChoices(db), [db]);
  const actions = useLiveQuery(() => history(db, filter, limit + 1), [db, filter.platform, filter.kind, filter.month, limit]);
  // One click at a time per action: a double click must not dispute and undo in one go.
  const [busy, setBusy] = useState<number | undefined>();
  const toggle = async (action: Action) => {
    if (busy === action.id) return;
    setBusy(action.id);
    try {
      await (action.status === 'disputed' ? undoDispute(db, action.id!) : disputeAction(db, action.id!));
    } finally {
      setBusy(undefined);
    }
  };
  const change = (f: HistoryFilter) => {
    setLimit(PAGE);
    setFilter(f);
  };
  const collator = new Intl.Collator(locale);
  const platforms = [...new Set([...(choices?.platforms ?? []), ...(filter.platform ? [filter.platform] : [])])];
  return (
    <section class="card" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('historyTitle')}</h2>
      <div class="filters" data-testid="history-filters">
        <Select
          id="filter-shop"
          label={t('historyShop')}
          value={filter.platform}
          options={platforms.map((p): [string, string] => [p, subAccountName(p)]).sort((a, b) => collator.compare(a[1], b[1]))}
          onChange={(platform) => change({ ...filter, platform })}
        />
        <Select
          id="filter-kind"
          label={t('historyKind')}
          value={filter.kind}
          options={(choices?.kinds ?? []).map((k): [string, string] => [k, kindLabel(k)]).sort((a, b) => collator.compare(a[1], b[1]))}
          onChange={(kind) => change({ ...filter, kind })}
        />
        <Select
          id="filter-month"
          label={t('historyMonth')}
          value={filter.month}
          options={(choices?.months ?? []).map((m): [string, string] => [m, monthLabel(m, locale)])}
          onChange={(month) => change({ ...filter, month })}
        />
      </div>
      {actions && actions.length === 0 && <p>{filter.platform || filter.kind || filter.month ? t('historyNoneMatch') : t('noActionsYet')}</p>}
      <ul class="rows actions" data-testid="actions">
        {actions?.slice(0, limit).map((a) => <ActionRow key={a.id} action={a} locale={locale} busy={busy === a.id} toggle={(x) => void toggle(x)} />)}
      </ul>
      {actions && actions.length > limit && (
        <button type="button" class="link-button" onClick={() => setLimit(limit + PAGE)}>
          {t('historyMore')}
        </button>
      )}
    </section>
  );
}
