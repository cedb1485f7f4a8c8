import { t } from '../shared/i18n.ts';
import type { ImportChange, LimitField } from '../storage/transfer-diff.ts';
import { isRisky } from '../storage/transfer-diff.ts';
import { Confirm } from '../ui/confirm.tsx';

/** Limits in the units and words of the Limits section. */
const LIMIT_WORDS: Record<LimitField, { key: string; unitMs: number }> = {
  contactCooldownMs: { key: 'limitsCooldown', unitMs: 86_400_000 },
  minGapMs: { key: 'limitsMinGap', unitMs: 1_000 },
  hourlyCap: { key: 'limitsHourly', unitMs: 1 },
  dailyCap: { key: 'limitsDaily', unitMs: 1 },
};

const num = (value: number, unit = 1) => String(Math.round((value / unit) * 100) / 100);
const seconds = (ms: number) => num(ms, 1_000);

/** One change in a sentence. */
export function changeText(change: ImportChange): string {
  switch (change.kind) {
    case 'rulesAuto':
      return t(
        change.acknowledged ? 'importChange_rulesAuto' : 'importChange_rulesAutoLater',
        change.names.join(', '),
      );
    case 'defaultAuto':
      return t('importChange_defaultAuto');
    case 'limit': {
      const { key, unitMs } = LIMIT_WORDS[change.field];
      return t('importChange_limit', t(key), num(change.from, unitMs), num(change.to, unitMs));
    }
    case 'timing':
      return t(
        'importChange_timing',
        seconds(change.from.minDelayMs),
        seconds(change.from.maxDelayMs),
        seconds(change.to.minDelayMs),
        seconds(change.to.maxDelayMs),
      );
    case 'label':
      return t(change.on ? 'importChange_labelOn' : 'importChange_labelOff');
    case 'groups':
      return t(change.on ? 'importChange_groupsOn' : 'importChange_groupsOff');
    case 'requests':
      return t(change.on ? 'importChange_requestsOn' : 'importChange_requestsOff');
    case 'allowList':
      return change.emptied
        ? t('importChange_allowListEmptied')
        : t('importChange_list', t('listsAllow'), change.added, change.removed);
    case 'denyList':
      return t('importChange_list', t('listsDeny'), change.added, change.removed);
    case 'vipList':
      return t('importChange_list', t('urgentVipList'), change.added, change.removed);
    case 'urgentWords':
      return t('importChange_list', t('urgentOwnWords'), change.added, change.removed);
    case 'schedule':
      return t('importChange_schedule');
    case 'profile':
      return t('importChange_profile');
    case 'rules':
      return t('importChange_rules', change.added, change.changed, change.removed);
    case 'templates':
      return t('importChange_templates', change.added, change.changed, change.removed);
    case 'contacts':
      return t('importChange_contacts', change.count);
  }
}

interface ImportPreviewProps {
  changes: readonly ImportChange[];
  onApply: () => void;
  onCancel: () => void;
}

/**
 * What the chosen file would change, riskiest first, and nothing happens until the user applies it.
 * Focus lands on Cancel and Escape cancels (Confirm), so a stray Enter never applies a file.
 */
export function ImportPreview({ changes, onApply, onCancel }: ImportPreviewProps) {
  const risky = changes.filter(isRisky);
  const other = changes.filter((change) => !isRisky(change));
  const list = (items: readonly ImportChange[]) => (
    <ul>
      {items.map((change) => (
        <li key={`${change.kind}-${changeText(change)}`}>{changeText(change)}</li>
      ))}
    </ul>
  );
  return (
    <Confirm
      message={t('importPreviewTitle')}
      confirmLabel={t('importApply')}
      onConfirm={onApply}
      onCancel={onCancel}
      danger={risky.length > 0}
    >
      {changes.length === 0 ? <p>{t('importPreviewNone')}</p> : null}
      {risky.length > 0 ? (
        <>
          <p>{t('importPreviewRisky')}</p>
          {list(risky)}
        </>
      ) : null}
      {other.length > 0 ? (
        <>
          <p>{t('importPreviewOther')}</p>
          {list(other)}
        </>
      ) : null}
    </Confirm>
  );
}
