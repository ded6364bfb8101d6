import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ISSUES_URL, type ReadingReport } from '../report/format';
import { scrubText } from '../report/scrub';
import { t } from '../core/i18n';

const MAX_NOTE = 200;

/** The report as the shopper saves or copies it: the page's reading plus their own line, scrubbed like a name. */
export function finalReport(report: ReadingReport, note: string): ReadingReport {
  return { ...report, note: scrubText(note, MAX_NOTE) };
}

/** A blob: address for `text` that lives as long as the text does. */
function useDownload(text: string): string | undefined {
  const [href, setHref] = useState<string>();
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [text]);
  return href;
}

/**
 * The whole report, shown before anything leaves the popup: the shopper adds a line, then
 * saves it (a file from our own page) or copies it, and sends it to the issue tracker
 * themselves. The extension sends nothing.
 */
export function ReadingReportView({ report, onClose }: { report: ReadingReport; onClose(): void }) {
  const [note, setNote] = useState('');
  const [copied, setCopied] = useState<'done' | 'failed'>();
  const text = useMemo(() => `${JSON.stringify(finalReport(report, note), null, 2)}\n`, [report, note]);
  const href = useDownload(text);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setCopied('done'),
      () => setCopied('failed'),
    );
  const file = `carbon-account-reading-${report.platform.replace(/[^a-z0-9.-]/g, '-')}.json`;

  return (
    <div class="reading-report" role="region" aria-labelledby="reading-report-title" data-testid="reading-report">
      <h3 id="reading-report-title" tabIndex={-1} ref={heading}>
        {t('reportTitle')}
      </h3>
      <p>{t('reportIntro')}</p>
      <label for="reading-report-note">{t('reportNoteLabel')}</label>
      <input
        id="reading-report-note"
        type="text"
        maxLength={MAX_NOTE}
        value={note}
        placeholder={t('reportNotePlaceholder')}
        onInput={(e) => {
          setNote(e.currentTarget.value);
          setCopied(undefined);
        }}
      />
      <pre tabIndex={0} aria-label={t('reportContents')} data-testid="reading-report-json">
        {text}
      </pre>
      <div class="reading-report-actions">
        <a class="button" href={href} download={file}>
          {t('reportSave')}
        </a>
        <button type="button" class="button" onClick={() => void copy()}>
          {t('reportCopy')}
        </button>
        <button type="button" class="link-button" onClick={onClose}>
          {t('reportClose')}
        </button>
      </div>
      <p role="status">{copied && t(copied === 'done' ? 'reportCopied' : 'reportCopyFailed')}</p>
      <p>
        {t('reportSendTo')}{' '}
        <a href={ISSUES_URL} target="_blank" rel="noreferrer">
          {t('reportTracker')}
        </a>
      </p>
    </div>
  );
}
