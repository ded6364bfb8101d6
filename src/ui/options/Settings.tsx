import { useEffect, useState } from 'preact/hooks';
import type { LedgerDb } from '../../ledger/db';
import { isLocale, LOCALES, t } from '../../core/i18n';
import { useLiveQuery } from '../use-live-query';
import { formatNumber } from '../../core/format';
import { browserOriginAccess, FeedSetting } from './FeedSetting';
import { DEFAULT_DAILY_CAP, readSettings, saveDailyCap, saveLanguage, saveNotifications } from '../../ledger/settings';

/** A language's own name for itself ("日本語"), so a reader can find theirs in any UI language. */
function endonym(locale: string): string {
  const tag = locale.replace('_', '-');
  return new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
}

export function Settings(props: { db: LedgerDb; locale: string; onLanguage(): void }) {
  const { db } = props;
  const settings = useLiveQuery(() => readSettings(db));
  const [cap, setCap] = useState('');
  const [capProblem, setCapProblem] = useState(false);
  const [capSaved, setCapSaved] = useState(false);
  useEffect(() => {
    if (settings) setCap(settings.dailyCap === undefined ? '' : String(settings.dailyCap));
  }, [settings?.dailyCap]);
  if (!settings) return null;
  return (
    <section aria-labelledby="settings-heading" id="settings">
      <h2 id="settings-heading">{t('settingsTitle')}</h2>
      <form
        class="setting"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const result = await saveDailyCap(db, cap);
          setCapProblem(!result.ok);
          setCapSaved(result.ok);
        }}
      >
        <label for="daily-cap">{t('dailyCapLabel')}</label>
        <input
          id="daily-cap"
          type="text"
          inputMode="numeric"
          value={cap}
          aria-describedby="daily-cap-help"
          aria-invalid={capProblem ? true : undefined}
          onInput={(e) => {
            setCap(e.currentTarget.value);
            setCapSaved(false);
          }}
        />
        <button type="submit">{t('save')}</button>
        <p id="daily-cap-help" class="help">
          {t('dailyCapHelp', formatNumber(DEFAULT_DAILY_CAP, props.locale))}
        </p>
        <p role="status" class={capProblem ? 'problem' : 'ok'}>
          {capProblem ? t('dailyCapInvalid') : capSaved ? t('settingsSaved') : ''}
        </p>
      </form>
      <div class="setting">
        <label>
          <input type="checkbox" checked={settings.notifications} onChange={(e) => void saveNotifications(db, e.currentTarget.checked)} />{' '}
          {t('notificationsLabel')}
        </label>
      </div>
      <div class="setting">
        <label for="language">{t('languageLabel')}</label>
        <select
          id="language"
          value={settings.language ?? ''}
          onChange={async (e) => {
            const value = e.currentTarget.value;
            await saveLanguage(db, isLocale(value) ? value : undefined);
            props.onLanguage();
          }}
        >
          <option value="">{t('languageBrowser')}</option>
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l.replace('_', '-')}>
              {endonym(l)}
            </option>
          ))}
        </select>
      </div>
      <FeedSetting db={db} locale={props.locale} access={browserOriginAccess} />
    </section>
  );
}
