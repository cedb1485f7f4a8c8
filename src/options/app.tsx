import { useSignal } from '@preact/signals';
import type { JSX } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Settings } from '../core/types.ts';
import { t } from '../ui/i18n.ts';
import { SectionTabs } from '../ui/section-tabs.tsx';
import { ActivitySection } from './activity-section.tsx';
import { AutoSendSection } from './auto-send-section.tsx';
import { DryRunSection } from './dry-run-section.tsx';
import { LimitsSection } from './limits-section.tsx';
import { ListsSection } from './lists-section.tsx';
import { LanguageSelect, ProfileSection } from './profile-section.tsx';
import { QuickRepliesSection } from './quick-replies-section.tsx';
import { ResetSection } from './reset-section.tsx';
import { RulesSection } from './rules-section.tsx';
import { ScheduleSection } from './schedule-section.tsx';
import { TemplatesSection } from './templates-section.tsx';
import { TransferSection } from './transfer-section.tsx';
import { UrgentSection } from './urgent-section.tsx';

type SectionId =
  | 'rules'
  | 'templates'
  | 'dryRun'
  | 'quickReplies'
  | 'schedule'
  | 'limits'
  | 'lists'
  | 'urgent'
  | 'autoSend'
  | 'profile'
  | 'activity'
  | 'transfer'
  | 'reset';

const SECTIONS: Record<SectionId, { key: string; view: (settings: Settings) => JSX.Element }> = {
  rules: { key: 'sectionRules', view: (s) => <RulesSection settings={s} /> },
  templates: { key: 'sectionTemplates', view: (s) => <TemplatesSection settings={s} /> },
  dryRun: { key: 'sectionDryRun', view: (s) => <DryRunSection settings={s} /> },
  quickReplies: { key: 'sectionQuickReplies', view: () => <QuickRepliesSection /> },
  schedule: { key: 'sectionSchedule', view: (s) => <ScheduleSection settings={s} /> },
  limits: { key: 'sectionLimits', view: (s) => <LimitsSection settings={s} /> },
  lists: { key: 'sectionLists', view: (s) => <ListsSection settings={s} /> },
  urgent: { key: 'sectionUrgent', view: (s) => <UrgentSection settings={s} /> },
  autoSend: { key: 'sectionAutoSend', view: (s) => <AutoSendSection settings={s} /> },
  profile: { key: 'sectionProfile', view: (s) => <ProfileSection settings={s} /> },
  activity: { key: 'sectionActivity', view: () => <ActivitySection /> },
  transfer: { key: 'sectionTransfer', view: () => <TransferSection /> },
  reset: { key: 'sectionReset', view: () => <ResetSection /> },
};

const isSection = (id: string): id is SectionId => Object.hasOwn(SECTIONS, id);

/** The section named in the URL (`#limits`), so a section can be linked to and survives a reload. */
function sectionFromHash(): SectionId {
  const id = location.hash.slice(1);
  return isSection(id) ? id : 'rules';
}

export function OptionsApp({ settings }: { settings: Settings }) {
  const current = useSignal<SectionId>(sectionFromHash());
  useEffect(() => {
    const onHash = () => {
      current.value = sectionFromHash();
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const select = (id: string) => {
    if (!isSection(id)) return;
    current.value = id;
    history.replaceState(null, '', `#${id}`);
  };
  const items = (Object.keys(SECTIONS) as SectionId[]).map((id) => ({ id, label: t(SECTIONS[id].key) }));
  return (
    <div class="options">
      <header class="row options-header">
        <h1>{t('optionsTitle')}</h1>
        <LanguageSelect settings={settings} />
      </header>
      <main>
        <SectionTabs items={items} current={current.value} onSelect={select} label={t('optionsSections')}>
          {/* key: a section's form starts from the stored values each time it is opened. */}
          <div key={current.value}>{SECTIONS[current.value].view(settings)}</div>
        </SectionTabs>
      </main>
    </div>
  );
}
