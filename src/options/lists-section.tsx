import { useSignal } from '@preact/signals';
import { useId } from 'preact/hooks';
import type { Settings } from '../core/types.ts';
import { CheckField } from '../ui/fields.tsx';
import { t } from '../ui/i18n.ts';
import { SaveRow, useSettingsSave } from '../ui/save-status.tsx';
import { formatHandles, parseHandles } from './handles.ts';
import { SilencedContacts } from './silenced-contacts.tsx';

/** A list of handles typed one per line; shared with the urgent-people section. */
export function HandleList(props: {
  label: string;
  hint: string;
  value: string;
  onInput: (v: string) => void;
  error: string;
}) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <p id={`${id}-hint`} class="muted hint">
        {props.hint}
      </p>
      <textarea
        id={id}
        rows={5}
        value={props.value}
        spellcheck={false}
        aria-describedby={`${id}-hint${props.error ? ` ${id}-error` : ''}`}
        aria-invalid={props.error ? true : undefined}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      {props.error ? (
        <p id={`${id}-error`} class="error">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** Who gets answers: allow and deny lists, groups and requests (both off by default), silenced people. */
export function ListsSection({ settings }: { settings: Settings }) {
  const allow = useSignal(formatHandles(settings.allowList));
  const deny = useSignal(formatHandles(settings.denyList));
  const groups = useSignal(settings.answerGroups);
  const requests = useSignal(settings.answerRequests);
  const errors = useSignal({ allow: '', deny: '' });
  const { state, save } = useSettingsSave();
  const submit = async (event: Event) => {
    event.preventDefault();
    const allowed = parseHandles(allow.value);
    const denied = parseHandles(deny.value);
    const message = (bad: string[]) =>
      bad.length ? t('listsInvalidHandles', bad.slice(0, 5).join(', ')) : '';
    errors.value = { allow: message(allowed.invalid), deny: message(denied.invalid) };
    if (allowed.invalid.length || denied.invalid.length) return;
    allow.value = formatHandles(allowed.handles);
    deny.value = formatHandles(denied.handles);
    await save((current) => ({
      ...current,
      allowList: allowed.handles,
      denyList: denied.handles,
      answerGroups: groups.value,
      answerRequests: requests.value,
    }));
  };
  return (
    <div class="stack">
      <form class="stack" onSubmit={submit} noValidate>
        <h2>{t('listsTitle')}</h2>
        <HandleList
          label={t('listsAllow')}
          hint={t('listsAllowHint')}
          value={allow.value}
          onInput={(v) => (allow.value = v)}
          error={errors.value.allow}
        />
        <HandleList
          label={t('listsDeny')}
          hint={t('listsDenyHint')}
          value={deny.value}
          onInput={(v) => (deny.value = v)}
          error={errors.value.deny}
        />
        <CheckField
          label={t('listsGroups')}
          hint={t('listsGroupsHint')}
          checked={groups.value}
          onChange={(v) => (groups.value = v)}
        />
        <CheckField
          label={t('listsRequests')}
          hint={t('listsRequestsHint')}
          checked={requests.value}
          onChange={(v) => (requests.value = v)}
        />
        <SaveRow state={state.value} />
      </form>
      <SilencedContacts />
    </div>
  );
}
