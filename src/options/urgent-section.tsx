import { useSignal } from '@preact/signals';
import { useEffect, useId } from 'preact/hooks';
import type { Settings } from '../core/types.ts';
import { BUILT_IN_URGENT_WORDS } from '../core/urgent.ts';
import { t } from '../shared/i18n.ts';
import { MAX_URGENT_WORD } from '../storage/settings-schema.ts';
import { CheckField } from '../ui/fields.tsx';
import { SaveRow, useSettingsSave } from '../ui/save-status.tsx';
import { formatHandles, parseHandles } from './handles.ts';
import { HandleList } from './lists-section.tsx';
import { askNotifications, dropNotifications, hasNotifications } from './notify-permission.ts';

/** Words typed one per line (or separated by commas): trimmed, blanks and repeats dropped, in order. */
export function parseUrgentWords(text: string): { words: string[]; tooLong: string[] } {
  const words: string[] = [];
  const tooLong: string[] = [];
  for (const raw of text.split(/[\n,]/)) {
    const word = raw.trim();
    if (!word || !/[\p{L}\p{N}]/u.test(word)) continue;
    if (word.length > MAX_URGENT_WORD) tooLong.push(`${word.slice(0, 20)}…`);
    else if (!words.includes(word)) words.push(word);
  }
  return { words, tooLong };
}

type Notice = '' | 'refused' | 'missing';

/**
 * Let urgent people through: the switch (it asks the browser for the notifications permission, and stays
 * off if refused), the VIPs and the user's own urgent words. The switch is stored at once; the lists with
 * Save.
 */
export function UrgentSection({ settings }: { settings: Settings }) {
  const enabled = useSignal(settings.urgentAlerts);
  const notice = useSignal<Notice>('');
  const vips = useSignal(formatHandles(settings.vipList));
  const words = useSignal(settings.urgentWords.join('\n'));
  const errors = useSignal({ vips: '', words: '' });
  const toggle = useSettingsSave();
  const lists = useSettingsSave();
  const wordsId = useId();

  // The permission may have been taken back in the browser's settings: say so, and store the truth.
  useEffect(() => {
    if (!settings.urgentAlerts) return;
    void hasNotifications().then(async (granted) => {
      if (granted) return;
      enabled.value = false;
      notice.value = 'missing';
      await toggle.save((current) => ({ ...current, urgentAlerts: false }));
    });
  }, []);

  const onToggle = (on: boolean) => {
    // Asked for right in the click: browsers show the prompt only during a user gesture.
    const asked = on ? askNotifications() : null;
    void (async () => {
      if (asked && !(await asked)) {
        enabled.value = false;
        notice.value = 'refused';
        return;
      }
      notice.value = '';
      enabled.value = on;
      const saved = await toggle.save((current) => ({ ...current, urgentAlerts: on }));
      if (!saved) enabled.value = !on;
      else if (!on) await dropNotifications();
    })();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const handles = parseHandles(vips.value);
    const parsed = parseUrgentWords(words.value);
    errors.value = {
      vips: handles.invalid.length ? t('listsInvalidHandles', handles.invalid.slice(0, 5).join(', ')) : '',
      words: parsed.tooLong.length ? t('urgentWordsTooLong', MAX_URGENT_WORD, parsed.tooLong.join(', ')) : '',
    };
    if (handles.invalid.length || parsed.tooLong.length) return;
    vips.value = formatHandles(handles.handles);
    words.value = parsed.words.join('\n');
    await lists.save((current) => ({ ...current, vipList: handles.handles, urgentWords: parsed.words }));
  };

  return (
    <div class="stack">
      <h2>{t('urgentTitle')}</h2>
      <p class="muted">{t('urgentIntro')}</p>
      <CheckField
        label={t('urgentSwitch')}
        hint={t('urgentSwitchHint')}
        checked={enabled.value}
        onChange={onToggle}
      />
      {notice.value ? (
        <p role="alert" class="error">
          {t(notice.value === 'refused' ? 'urgentPermissionRefused' : 'urgentPermissionMissing')}
        </p>
      ) : null}
      {toggle.state.value.kind === 'failed' ? <p class="error">{toggle.state.value.message}</p> : null}
      <form class="stack" onSubmit={submit} noValidate>
        <HandleList
          label={t('urgentVipList')}
          hint={t('urgentVipHint')}
          value={vips.value}
          onInput={(v) => (vips.value = v)}
          error={errors.value.vips}
        />
        <div class="field">
          <label for={wordsId}>{t('urgentOwnWords')}</label>
          <p id={`${wordsId}-hint`} class="muted hint">
            {t('urgentOwnWordsHint')}
          </p>
          <textarea
            id={wordsId}
            rows={4}
            value={words.value}
            aria-describedby={`${wordsId}-hint ${wordsId}-built-in${errors.value.words ? ` ${wordsId}-error` : ''}`}
            aria-invalid={errors.value.words ? true : undefined}
            onInput={(event) => (words.value = event.currentTarget.value)}
          />
          <p id={`${wordsId}-built-in`} class="muted hint">
            {t('urgentBuiltIn', BUILT_IN_URGENT_WORDS.join(', '))}
          </p>
          {errors.value.words ? (
            <p id={`${wordsId}-error`} class="error">
              {errors.value.words}
            </p>
          ) : null}
        </div>
        <SaveRow state={lists.state.value} />
      </form>
    </div>
  );
}
