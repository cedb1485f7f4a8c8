import type { Settings } from '../core/types.ts';
import { AwayControl } from '../popup/away-control.tsx';
import { uiDb } from '../shared/db.ts';
import { t } from '../shared/i18n.ts';
import { listRules } from '../storage/rules.ts';
import { liveValue, useLive } from '../ui/live.ts';

/** The same switch, sentence and "until" choices as the toolbar popup, for someone who looks here. */
export function AwaySection({ settings, now = Date.now }: { settings: Settings; now?: () => number }) {
  const live = useLive(() => listRules(uiDb()));
  return (
    <div class="stack away-section">
      <h2>{t('sectionAway')}</h2>
      <p class="muted">{t('awaySectionIntro')}</p>
      <AwayControl settings={settings} now={now} rules={liveValue(live.value, null)} />
    </div>
  );
}
