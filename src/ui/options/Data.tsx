import { useRef, useState } from 'preact/hooks';
import type { ImportCheck, ImportCounts } from '../../ledger/transfer';
import { readImportFile } from '../../ledger/export-format';
import { deleteEverything, exportCsv, exportJson, importJson, previewImport } from '../../ledger/transfer';
import { formatNumber } from '../../core/format';
import { t } from '../../core/i18n';
import type { Notice } from './Accounts';
import { afterImport, deleteAccount, type LinkDeps } from './linking';
import { ConfirmDialog } from './ConfirmDialog';

/** Hands a file to the browser's download, named with today's date. */
function download(text: string, type: string, extension: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `carbon-account-${new Date().toISOString().slice(0, 10)}.${extension}`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type Pending = { name: string; text: string; check: Extract<ImportCheck, { ok: true }> };

export function Data(props: { deps: LinkDeps; locale: string; notify(n: Notice): void }) {
  const { deps, locale, notify } = props;
  const db = deps.db;
  const [pending, setPending] = useState<Pending | undefined>();
  const [problem, setProblem] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const n = (x: number) => formatNumber(x, locale);
  const summary = (c: ImportCounts) => [n(c.actions), n(c.vouchers), n(c.subAccounts), n(c.settings)];

  const onFile = async (file: File | undefined) => {
    setPending(undefined);
    setProblem('');
    if (!file) return;
    const read = await readImportFile(file);
    if (!read.ok) return setProblem(read.error);
    const { text } = read;
    const check = await previewImport(db, text);
    if (check.ok) setPending({ name: file.name, text, check });
    else setProblem(check.error);
  };

  const onImport = async () => {
    if (!pending) return;
    const result = await importJson(db, pending.text);
    setPending(undefined);
    if (fileInput.current) fileInput.current.value = '';
    if (!result.ok) {
      setProblem(result.error);
      return;
    }
    await afterImport(deps);
    notify({ text: t('importDone', summary(result.added)), tone: 'ok' });
  };

  return (
    <section aria-labelledby="data-heading" id="data">
      <h2 id="data-heading">{t('dataTitle')}</h2>
      <p>{t('dataIntro')}</p>
      <div class="data-actions">
        <button type="button" onClick={async () => download(await exportJson(db), 'application/json', 'json')}>
          {t('exportJson')}
        </button>
        <button type="button" onClick={async () => download(await exportCsv(db), 'text/csv;charset=utf-8', 'csv')}>
          {t('exportCsv')}
        </button>
      </div>
      <div class="setting">
        <label for="import-file">{t('importLabel')}</label>
        <input
          id="import-file"
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          aria-describedby={problem ? 'import-problem' : undefined}
          onChange={(e) => void onFile(e.currentTarget.files?.[0])}
        />
      </div>
      {problem && (
        <div id="import-problem" role="alert" class="problem" data-testid="import-problem">
          <p>{t('importRefused')}</p>
          <p lang="en">{problem}</p>
        </div>
      )}
      {pending && (
        <div class="import-preview" role="region" aria-labelledby="import-preview-heading" data-testid="import-preview">
          <h3 id="import-preview-heading">{t('importPreviewTitle', pending.name)}</h3>
          <p>{t('importPreview', summary(pending.check.adds))}</p>
          {pending.check.alreadyStored.actions > 0 && <p>{t('importAlreadyStored', n(pending.check.alreadyStored.actions))}</p>}
          <div class="dialog-actions">
            <button type="button" class="primary" onClick={() => void onImport()}>
              {t('importConfirm')}
            </button>
            <button
              type="button"
              onClick={() => {
                setPending(undefined);
                if (fileInput.current) fileInput.current.value = '';
              }}
            >
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      <div class="setting">
        <button type="button" class="danger" onClick={() => setConfirmDelete(true)}>
          {t('deleteAllButton')}
        </button>
      </div>
      {confirmDelete && (
        <DeleteDialog
          onClose={() => setConfirmDelete(false)}
          onConfirm={async () => {
            setConfirmDelete(false);
            await deleteAccount(deps, deleteEverything);
            notify({ text: t('deleteAllDone'), tone: 'ok' });
          }}
        />
      )}
    </section>
  );
}

function DeleteDialog(props: { onClose(): void; onConfirm(): void }) {
  return (
    <ConfirmDialog
      id="delete"
      title={t('deleteAllTitle')}
      text={t('deleteAllText')}
      choices={[{ label: t('deleteAllConfirm'), tone: 'danger', onChoose: props.onConfirm }]}
      onClose={props.onClose}
    />
  );
}
