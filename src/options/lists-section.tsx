import { useSignal } from '@preact/signals';
import { useId } from 'preact/hooks';
import type { Settings } from '../core/types.ts';
import { t } from '../shared/i18n.ts';
import { CheckField } from '../ui/fields.tsx';
import { SaveRow, useSettingsSave } from '../ui/save-status.tsx';
import { sameDraft, useUnsaved } from '../ui/unsaved.ts';
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

interface Draft {
  allow: string;
  deny: string;
  groups: boolean;
  requests: boolean;
}

/** Who gets answers: allow and deny lists, groups and requests (both off by default), silenced people. */
export function ListsSection({ settings }: { settings: Settings }) {
  const draft = useSignal<Draft>({
    allow: formatHandles(settings.allowList),
    deny: formatHandles(settings.denyList),
    groups: settings.answerGroups,
    requests: settings.answerRequests,
  });
  const saved = useSignal(draft.value);
  const errors = useSignal({ allow: '', deny: '' });
  const { state, save } = useSettingsSave();
  const dirty = !sameDraft(draft.value, saved.value);
  const set = (change: Partial<Draft>) => {
    draft.value = { ...draft.value, ...change };
  };
  const saveDraft = async () => {
    const allowed = parseHandles(draft.value.allow);
    const denied = parseHandles(draft.value.deny);
    const message = (bad: string[]) =>
      bad.length ? t('listsInvalidHandles', bad.slice(0, 5).join(', ')) : '';
    errors.value = { allow: message(allowed.invalid), deny: message(denied.invalid) };
    if (allowed.invalid.length || denied.invalid.length) return false;
    const sent: Draft = {
      ...draft.value,
      allow: formatHandles(allowed.handles),
      deny: formatHandles(denied.handles),
    };
    const ok = await save((current) => ({
      ...current,
      allowList: allowed.handles,
      denyList: denied.handles,
      answerGroups: sent.groups,
      answerRequests: sent.requests,
    }));
    if (ok) {
      draft.value = sent;
      saved.value = sent;
    }
    return ok;
  };
  useUnsaved(() => !sameDraft(draft.value, saved.value), t('sectionLists'), saveDraft);
  const submit = (event: Event) => {
    event.preventDefault();
    void saveDraft();
  };
  return (
    <div class="stack">
      <form class="stack" onSubmit={submit} noValidate>
        <h2>{t('listsTitle')}</h2>
        <HandleList
          label={t('listsAllow')}
          hint={t('listsAllowHint')}
          value={draft.value.allow}
          onInput={(allow) => set({ allow })}
          error={errors.value.allow}
        />
        <HandleList
          label={t('listsDeny')}
          hint={t('listsDenyHint')}
          value={draft.value.deny}
          onInput={(deny) => set({ deny })}
          error={errors.value.deny}
        />
        <CheckField
          label={t('listsGroups')}
          hint={t('listsGroupsHint')}
          checked={draft.value.groups}
          onChange={(groups) => set({ groups })}
        />
        <CheckField
          label={t('listsRequests')}
          hint={t('listsRequestsHint')}
          checked={draft.value.requests}
          onChange={(requests) => set({ requests })}
        />
        <SaveRow state={state.value} dirty={dirty} />
      </form>
      <SilencedContacts />
    </div>
  );
}
