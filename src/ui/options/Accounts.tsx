import { useEffect, useState } from 'preact/hooks';
import type { LedgerDb } from '../../ledger/db';
import { formatGrams, formatNumber } from '../../core/format';
import { t } from '../../core/i18n';
import { useLiveQuery } from '../use-live-query';
import { accountRows, link, parseShopAddress, setLabel, unlink, type AccountRow, type LinkDeps, type LinkResult } from './linking';
import { ConfirmDialog } from './ConfirmDialog';
import { PLATFORMS } from '../../platforms/index';
import { CATEGORIES } from '../../core/kinds';

/** A permissions event source: the page re-reads statuses when access changes anywhere. */
export interface PermissionEvents {
  onAdded: { addListener(cb: () => void): void; removeListener(cb: () => void): void };
  onRemoved: { addListener(cb: () => void): void; removeListener(cb: () => void): void };
}

export type Notice = { text: string; tone: 'ok' | 'problem' };

const GROUPS = [...CATEGORIES, 'custom'] as const;
const key = (s: string) => s.replace(/-/g, '_');

function linkNotice(result: LinkResult, name: string): Notice {
  if (result.ok) return { text: t('linkedMsg', name), tone: 'ok' };
  if (result.problem === 'refused') return { text: t('refusedMsg', name), tone: 'problem' };
  return { text: t('linkFailedMsg', [name, result.detail ?? result.problem]), tone: 'problem' };
}

export function Accounts(props: { deps: LinkDeps; events: PermissionEvents; locale: string; notify(n: Notice): void }) {
  const { deps, events, locale, notify } = props;
  const [accessVersion, setAccessVersion] = useState(0);
  useEffect(() => {
    const changed = () => setAccessVersion((v) => v + 1);
    events.onAdded.addListener(changed);
    events.onRemoved.addListener(changed);
    return () => {
      events.onAdded.removeListener(changed);
      events.onRemoved.removeListener(changed);
    };
  }, [events]);
  const rows = useLiveQuery(() => accountRows(deps.api, deps.db), [accessVersion]);
  const [unlinking, setUnlinking] = useState<AccountRow | undefined>();

  // Called straight from the click: link() asks the browser before any await.
  const onLink = (row: AccountRow) =>
    void link(deps, row.id).then((result) => {
      notify(linkNotice(result, row.name));
      setAccessVersion((v) => v + 1);
    });

  return (
    <section aria-labelledby="accounts-heading" id="accounts">
      <h2 id="accounts-heading" tabIndex={-1}>{t('accountsTitle')}</h2>
      <p>{t('accountsIntro')}</p>
      {!rows && <p>…</p>}
      {rows &&
        GROUPS.map((group) => {
          const inGroup = rows.filter((r) => r.category === group);
          if (!inGroup.length) return null;
          return (
            <section key={group} aria-labelledby={`group-${group}`} class="group">
              <h3 id={`group-${group}`}>{t(`category_${key(group)}`)}</h3>
              <ul class="accounts" data-testid={`accounts-${group}`}>
                {inGroup.map((row) => (
                  <AccountItem key={row.id} row={row} db={deps.db} locale={locale} onLink={onLink} onUnlink={setUnlinking} />
                ))}
              </ul>
            </section>
          );
        })}
      <AddShop deps={deps} notify={notify} refresh={() => setAccessVersion((v) => v + 1)} />
      {unlinking && (
        <UnlinkDialog
          row={unlinking}
          locale={locale}
          onClose={() => setUnlinking(undefined)}
          onConfirm={async (deleteHistory) => {
            const row = unlinking;
            setUnlinking(undefined);
            const result = await unlink(deps, row.id, { deleteHistory });
            const text = t(deleteHistory ? 'unlinkedDeletedMsg' : 'unlinkedKeptMsg', row.name);
            notify({ text: result.accessKept ? `${text} ${t('accessKeptNote')}` : text, tone: 'ok' });
            setAccessVersion((v) => v + 1);
          }}
        />
      )}
    </section>
  );
}

function statusText(row: AccountRow): string {
  if (row.status === 'linked') return t('statusLinked');
  if (row.status === 'access-removed') return t('statusAccessRemoved');
  return t('statusNotLinked');
}

function AccountItem(props: {
  row: AccountRow;
  db: LedgerDb;
  locale: string;
  onLink(row: AccountRow): void;
  onUnlink(row: AccountRow): void;
}) {
  const { row, db, locale } = props;
  const [label, setLabelText] = useState(row.sub?.label ?? '');
  useEffect(() => setLabelText(row.sub?.label ?? ''), [row.sub?.label]);
  const linked = row.status === 'linked';
  const custom = row.category === 'custom';
  return (
    <li class={`account ${row.status}`} data-testid={`account-${row.id}`}>
      <div class="account-head">
        <span class="account-name">{row.name}</span>
        <span class="status" data-testid="status">
          {statusText(row)}
        </span>
      </div>
      {row.total && row.total.count > 0 && (
        <p class="summary">{t('subAccountSummary', [formatNumber(row.total.count, locale), formatGrams(row.total.grams, locale)])}</p>
      )}
      {row.sub?.linkedAs && <p class="linked-as">{t('linkedAs', row.sub.linkedAs)}</p>}
      {row.sub && (
        <label class="label-field">
          <span>{t('labelField')}</span>
          <input
            type="text"
            maxLength={64}
            value={label}
            aria-label={t('labelFieldFor', row.name)}
            onInput={(e) => setLabelText(e.currentTarget.value)}
            onChange={(e) => void setLabel(db, row.id, e.currentTarget.value)}
          />
        </label>
      )}
      <div class="account-actions">
        {!linked && (
          <button type="button" class="primary" aria-label={t('linkPlatform', row.name)} onClick={() => props.onLink(row)}>
            {t('linkButton')}
          </button>
        )}
        {row.sub && (
          <button type="button" aria-label={t(custom ? 'removeShop' : 'unlinkPlatform', row.name)} onClick={() => props.onUnlink(row)}>
            {t(custom ? 'removeButton' : 'unlinkButton')}
          </button>
        )}
      </div>
    </li>
  );
}

function UnlinkDialog(props: { row: AccountRow; locale: string; onClose(): void; onConfirm(deleteHistory: boolean): void }) {
  const count = props.row.total?.count ?? 0;
  return (
    <ConfirmDialog
      id="unlink"
      title={t('unlinkDialogTitle', props.row.name)}
      text={t('unlinkDialogText', formatNumber(count, props.locale))}
      choices={[
        { label: t('keepHistory'), tone: 'primary', onChoose: () => props.onConfirm(false) },
        { label: t('deleteHistory'), tone: 'danger', onChoose: () => props.onConfirm(true) },
      ]}
      onClose={props.onClose}
    />
  );
}

function AddShop(props: { deps: LinkDeps; notify(n: Notice): void; refresh(): void }) {
  const [address, setAddress] = useState('');
  const [problem, setProblem] = useState('');
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const parsed = parseShopAddress(address);
    if (!parsed.ok) {
      const platform = PLATFORMS.find((p) => p.id === parsed.platform);
      setProblem(platform ? t('customIsPlatform', platform.name) : t('customInvalid'));
      return;
    }
    setProblem('');
    // Still inside the submit's user activation: link() asks the browser first.
    void link(props.deps, parsed.id).then((result) => {
      props.notify(linkNotice(result, parsed.host));
      if (result.ok) setAddress('');
      props.refresh();
    });
  };
  return (
    <section aria-labelledby="custom-heading" class="group">
      <h3 id="custom-heading">{t('customTitle')}</h3>
      <p>{t('customIntro')}</p>
      <form onSubmit={onSubmit} class="add-shop" noValidate>
        <label for="shop-address">{t('customAddress')}</label>
        <input
          id="shop-address"
          type="text"
          inputMode="url"
          autoComplete="off"
          placeholder="shop.example.com"
          value={address}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'shop-address-problem' : undefined}
          onInput={(e) => setAddress(e.currentTarget.value)}
        />
        <button type="submit">{t('customAdd')}</button>
        {problem && (
          <p id="shop-address-problem" class="problem" role="alert">
            {problem}
          </p>
        )}
      </form>
    </section>
  );
}
