import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../core/i18n';

export interface DialogChoice {
  label: string;
  /** 'primary' or 'danger'; a plain button otherwise */
  tone?: 'primary' | 'danger';
  onChoose(): void;
}

/**
 * A modal question opened as soon as it is shown: its choices, then Cancel (as Escape does),
 * which closes it and calls onClose.
 */
export function ConfirmDialog(props: { id: string; title: ComponentChildren; text: ComponentChildren; choices: DialogChoice[]; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog ref={ref} aria-labelledby={`${props.id}-title`} aria-describedby={`${props.id}-text`} onClose={props.onClose}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <p id={`${props.id}-text`}>{props.text}</p>
      <div class="dialog-actions">
        {props.choices.map((choice) => (
          <button key={choice.label} type="button" class={choice.tone} onClick={choice.onChoose}>
            {choice.label}
          </button>
        ))}
        <button type="button" onClick={() => ref.current?.close()}>
          {t('cancel')}
        </button>
      </div>
    </dialog>
  );
}
