import { useState } from 'preact/hooks';
import { t } from '../../core/i18n';
import { Accounts, type Notice, type PermissionEvents } from './Accounts';
import { Data } from './Data';
import type { LinkDeps } from './linking';
import { Methodology } from './Methodology';
import { Settings } from './Settings';
import { SyncOption } from './SyncOption';

export interface OptionsProps {
  deps: LinkDeps;
  events: PermissionEvents;
  locale: string;
  /** first install: show the welcome above everything */
  welcome: boolean;
  /** the language setting changed: the page reloads in it */
  onLanguage(): void;
}

export function Options(props: OptionsProps) {
  const [notice, setNotice] = useState<Notice | undefined>();
  const [welcome, setWelcome] = useState(props.welcome);
  return (
    <>
      <header>
        <h1>{t('optionsTitle')}</h1>
        <nav aria-label={t('navLabel')}>
          <ul>
            <li>
              <a href="#accounts">{t('accountsTitle')}</a>
            </li>
            <li>
              <a href="#data">{t('dataTitle')}</a>
            </li>
            <li>
              <a href="#settings">{t('settingsTitle')}</a>
            </li>
            <li>
              <a href="#methodology">{t('methodologyTitle')}</a>
            </li>
          </ul>
        </nav>
      </header>
      <main>
        {welcome && (
          <section aria-labelledby="welcome-heading" class="welcome" data-testid="welcome">
            <h2 id="welcome-heading">{t('welcomeTitle')}</h2>
            <p>{t('welcomeWhat')}</p>
            <p>{t('welcomeNever')}</p>
            <p>{t('welcomeLinkFirst')}</p>
            <a
              class="button primary"
              href="#accounts"
              onClick={(event) => {
                event.preventDefault();
                document.getElementById('accounts-heading')?.focus();
                setWelcome(false);
              }}
            >
              {t('welcomeStart')}
            </a>
          </section>
        )}
        <p role="status" aria-live="polite" class={`notice ${notice?.tone ?? ''}`} data-testid="notice">
          {notice?.text ?? ''}
        </p>
        <Accounts deps={props.deps} events={props.events} locale={props.locale} notify={setNotice} />
        <Data deps={props.deps} locale={props.locale} notify={setNotice} />
        <Settings db={props.deps.db} locale={props.locale} onLanguage={props.onLanguage} />
        <SyncOption db={props.deps.db} locale={props.locale} />
        <Methodology locale={props.locale} />
      </main>
    </>
  );
}
