import type { Limits, Rule, Settings, Template, Timing } from '../core/types.ts';
import type { ExportDoc } from './transfer-schema.ts';

/**
 * What importing a file would change, in terms a person can judge before confirming (the options page
 * lists it and applies nothing until they agree). Pure: the current state and the parsed file in, the
 * changes out, riskiest first: whatever lets the extension send by itself, send more, sooner, or to more
 * people.
 */

export type LimitField = keyof Limits;

export type ImportChange =
  /** Enabled rules that will send by themselves and did not before (by id). */
  | { kind: 'rulesAuto'; names: string[]; acknowledged: boolean }
  | { kind: 'defaultAuto' }
  | { kind: 'limit'; field: LimitField; from: number; to: number; looser: boolean }
  | { kind: 'timing'; from: Timing; to: Timing; sooner: boolean }
  | { kind: 'label'; on: boolean }
  | { kind: 'groups'; on: boolean }
  | { kind: 'requests'; on: boolean }
  /** `emptied`: the allow list had handles and will have none: everyone may be answered. */
  | { kind: 'allowList'; added: number; removed: number; emptied: boolean }
  | { kind: 'denyList'; added: number; removed: number }
  /** VIPs and urgent words (core/urgent.ts): someone no longer on them may get automatic replies. */
  | { kind: 'vipList' | 'urgentWords'; added: number; removed: number }
  | { kind: 'schedule' }
  | { kind: 'profile' }
  | { kind: 'rules' | 'templates'; added: number; changed: number; removed: number }
  | { kind: 'contacts'; count: number };

export interface CurrentState {
  settings: Settings;
  rules: readonly Rule[];
  templates: readonly Template[];
}

/**
 * The file's preferences with this browser's state: the away switch, the auto-send acknowledgement and the
 * urgent-people switch (it needs this browser's notifications permission).
 */
export function importedSettings(file: ExportDoc['settings'], current: Settings): Settings {
  const { awayEnabled, awayUntil, awaySince } = current.schedule;
  return {
    ...file,
    schedule: { awayEnabled, awayUntil, ...file.schedule, awaySince },
    autoSendAcknowledged: current.autoSendAcknowledged,
    urgentAlerts: current.urgentAlerts,
    defaultMode: current.autoSendAcknowledged ? file.defaultMode : 'suggest',
  };
}

export function isRisky(change: ImportChange): boolean {
  switch (change.kind) {
    case 'rulesAuto':
    case 'defaultAuto':
      return true;
    case 'limit':
      return change.looser;
    case 'timing':
      return change.sooner;
    case 'label':
      return !change.on;
    case 'groups':
    case 'requests':
      return change.on;
    case 'allowList':
      return change.emptied;
    case 'denyList':
    case 'vipList':
    case 'urgentWords':
      return change.removed > 0;
    default:
      return false;
  }
}

/** JSON with keys sorted, so that two objects built in a different key order compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);
const sendsAlone = (rule: Rule | undefined) => rule?.enabled === true && rule.mode === 'auto';

function listChange(before: readonly string[], after: readonly string[]) {
  const was = new Set(before);
  const will = new Set(after);
  return {
    added: [...will].filter((h) => !was.has(h)).length,
    removed: [...was].filter((h) => !will.has(h)).length,
  };
}

function entityChange<T extends { id: string }>(before: readonly T[], after: readonly T[]) {
  const was = new Map(before.map((item) => [item.id, item]));
  const ids = new Set(after.map((item) => item.id));
  let added = 0;
  let changed = 0;
  for (const item of after) {
    const old = was.get(item.id);
    if (old === undefined) added++;
    else if (!same({ ...old, position: undefined }, { ...item, position: undefined })) changed++;
  }
  const removed = before.filter((item) => !ids.has(item.id)).length;
  return { added, changed, removed };
}

/** A limit is looser when it lets more through: a shorter cooldown or gap, a higher cap. */
function limitChanges(before: Limits, after: Limits): ImportChange[] {
  const fields: [LimitField, 'lower' | 'higher'][] = [
    ['contactCooldownMs', 'lower'],
    ['minGapMs', 'lower'],
    ['hourlyCap', 'higher'],
    ['dailyCap', 'higher'],
  ];
  return fields
    .filter(([field]) => before[field] !== after[field])
    .map(([field, looserWhen]) => {
      const from = before[field];
      const to = after[field];
      return { kind: 'limit', field, from, to, looser: looserWhen === 'lower' ? to < from : to > from };
    });
}

export function diffImport(current: CurrentState, doc: ExportDoc): ImportChange[] {
  const before = current.settings;
  const after = importedSettings(doc.settings, before);
  const changes: ImportChange[] = [];
  const oldRules = new Map(current.rules.map((rule) => [rule.id, rule]));
  const newlyAuto = doc.rules.filter((rule) => sendsAlone(rule) && !sendsAlone(oldRules.get(rule.id)));
  if (newlyAuto.length > 0) {
    const names = newlyAuto.map((rule) => rule.name);
    changes.push({ kind: 'rulesAuto', names, acknowledged: before.autoSendAcknowledged });
  }
  if (after.defaultMode === 'auto' && before.defaultMode !== 'auto') changes.push({ kind: 'defaultAuto' });
  changes.push(...limitChanges(before.limits, after.limits));
  if (!same(before.timing, after.timing)) {
    const sooner = after.timing.minDelayMs < before.timing.minDelayMs;
    changes.push({ kind: 'timing', from: before.timing, to: after.timing, sooner });
  }
  if (before.addAutoReplyLabel !== after.addAutoReplyLabel) {
    changes.push({ kind: 'label', on: after.addAutoReplyLabel });
  }
  if (before.answerGroups !== after.answerGroups) changes.push({ kind: 'groups', on: after.answerGroups });
  if (before.answerRequests !== after.answerRequests) {
    changes.push({ kind: 'requests', on: after.answerRequests });
  }
  const allow = listChange(before.allowList, after.allowList);
  if (allow.added + allow.removed > 0) {
    const emptied = before.allowList.length > 0 && after.allowList.length === 0;
    changes.push({ kind: 'allowList', ...allow, emptied });
  }
  const deny = listChange(before.denyList, after.denyList);
  if (deny.added + deny.removed > 0) changes.push({ kind: 'denyList', ...deny });
  for (const kind of ['vipList', 'urgentWords'] as const) {
    const change = listChange(before[kind], after[kind]);
    if (change.added + change.removed > 0) changes.push({ kind, ...change });
  }
  if (!same(before.schedule, after.schedule)) changes.push({ kind: 'schedule' });
  if (
    before.myName !== after.myName ||
    before.myHandle !== after.myHandle ||
    before.uiLocale !== after.uiLocale
  ) {
    changes.push({ kind: 'profile' });
  }
  const rules = entityChange(current.rules, doc.rules);
  if (rules.added + rules.changed + rules.removed > 0) changes.push({ kind: 'rules', ...rules });
  const templates = entityChange(current.templates, doc.templates);
  if (templates.added + templates.changed + templates.removed > 0) {
    changes.push({ kind: 'templates', ...templates });
  }
  if (doc.contacts.length > 0) changes.push({ kind: 'contacts', count: doc.contacts.length });
  // Stable: the riskiest first, each group in the order above.
  return [...changes.filter(isRisky), ...changes.filter((change) => !isRisky(change))];
}
