import { useSignal } from '@preact/signals';
import type { JSX } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Settings } from '../core/types.ts';
import { t } from '../shared/i18n.ts';
import { LanguageSelect } from '../ui/language-select.tsx';
import { LeaveDialog, LeaveGuard, useLeaveGuard } from '../ui/leave-guard.tsx';
import { SectionTabs } from '../ui/section-tabs.tsx';
import { ActivitySection } from './activity-section.tsx';
import { AutoSendSection } from './auto-send-section.tsx';
import { AwaySection } from './away-section.tsx';
import { DryRunSection } from './dry-run-section.tsx';
import { LimitsSection } from './limits-section.tsx';
import { ListsSection } from './lists-section.tsx';
import { ProfileSection } from './profile-section.tsx';
import { QuickRepliesSection } from './quick-replies-section.tsx';
import { ResetSection } from './reset-section.tsx';
import { RulesSection } from './rules-section.tsx';
import { ScheduleSection } from './schedule-section.tsx';
import { TemplatesSection } from './templates-section.tsx';
import { TransferSection } from './transfer-section.tsx';
import { UrgentSection } from './urgent-section.tsx';

/**
 * The sections, by the question a newcomer has: what to answer, when, how safely, and about me and my
 * data. Each id is also the section's URL hash (`#limits`); ids never change, so old links keep working.
 */
const SECTIONS = {
  rules: { key: 'sectionRules', view: (s: Settings) => <RulesSection settings={s} /> },
  templates: { key: 'sectionTemplates', view: (s: Settings) => <TemplatesSection settings={s} /> },
  quickReplies: { key: 'sectionQuickReplies', view: () => <QuickRepliesSection /> },
  dryRun: { key: 'sectionDryRun', view: (s: Settings) => <DryRunSection settings={s} /> },
  away: { key: 'sectionAway', view: (s: Settings) => <AwaySection settings={s} /> },
  schedule: { key: 'sectionSchedule', view: (s: Settings) => <ScheduleSection settings={s} /> },
  limits: { key: 'sectionLimits', view: (s: Settings) => <LimitsSection settings={s} /> },
  lists: { key: 'sectionLists', view: (s: Settings) => <ListsSection settings={s} /> },
  autoSend: { key: 'sectionAutoSend', view: (s: Settings) => <AutoSendSection settings={s} /> },
  profile: { key: 'sectionProfile', view: (s: Settings) => <ProfileSection settings={s} /> },
  urgent: { key: 'sectionUrgent', view: (s: Settings) => <UrgentSection settings={s} /> },
  activity: { key: 'sectionActivity', view: () => <ActivitySection /> },
  transfer: { key: 'sectionTransfer', view: () => <TransferSection /> },
  reset: { key: 'sectionReset', view: () => <ResetSection /> },
} satisfies Record<string, { key: string; view: (settings: Settings) => JSX.Element }>;

export type SectionId = keyof typeof SECTIONS;

export const SECTION_GROUPS: ReadonlyArray<{ id: string; key: string; sections: readonly SectionId[] }> = [
  { id: 'replies', key: 'groupReplies', sections: ['rules', 'templates', 'quickReplies', 'dryRun'] },
  { id: 'when', key: 'groupWhen', sections: ['away', 'schedule'] },
  { id: 'safety', key: 'groupSafety', sections: ['limits', 'lists', 'urgent', 'autoSend'] },
  { id: 'you', key: 'groupYou', sections: ['profile', 'activity', 'transfer', 'reset'] },
];

const isSection = (id: string): id is SectionId => Object.hasOwn(SECTIONS, id);

/** The section named in the URL (`#limits`), so a section can be linked to and survives a reload. */
export function sectionFromHash(hash: string): SectionId {
  const id = hash.replace(/^#/, '');
  return isSection(id) ? id : 'rules';
}

export function OptionsApp({ settings }: { settings: Settings }) {
  const current = useSignal<SectionId>(sectionFromHash(location.hash));
  const { pending, guard } = useLeaveGuard();
  const show = (id: SectionId) => {
    current.value = id;
    history.replaceState(null, '', `#${id}`);
  };
  useEffect(() => {
    // Back, forward or an edited address: the URL already changed, so it goes back until the user chose.
    const onHash = () => {
      const wanted = sectionFromHash(location.hash);
      if (wanted === current.value) return;
      history.replaceState(null, '', `#${current.value}`);
      guard(() => show(wanted));
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const select = (id: string) => {
    if (isSection(id) && id !== current.value) guard(() => show(id));
  };
  const groups = SECTION_GROUPS.map((group) => ({
    id: group.id,
    label: t(group.key),
    items: group.sections.map((id) => ({ id, label: t(SECTIONS[id].key) })),
  }));
  return (
    <LeaveGuard.Provider value={guard}>
      <div class="options">
        <header class="row options-header">
          <h1>{t('optionsTitle')}</h1>
          <div class="row">
            <a href="../welcome/index.html">{t('optionsOpenWelcome')}</a>
            <LanguageSelect settings={settings} />
          </div>
        </header>
        <main>
          <SectionTabs groups={groups} current={current.value} onSelect={select} label={t('optionsSections')}>
            <LeaveDialog pending={pending} />
            {/* key: a section's form starts from the stored values each time it is opened. */}
            <div key={current.value}>{SECTIONS[current.value].view(settings)}</div>
          </SectionTabs>
        </main>
      </div>
    </LeaveGuard.Provider>
  );
}
