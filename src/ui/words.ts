import type { AutomaticSignal } from '../core/loops.ts';
import type {
  ActivityKind,
  JobState,
  ReplyMode,
  SkipReason,
  ThreadKind,
  TriggerKind,
} from '../core/types.ts';
import type { FailureCode, PostponeCode, SendProblemCode } from '../messaging/sending.ts';
import type { TabProblem } from '../messaging/ui.ts';
import { t } from '../shared/i18n.ts';
import type { ProblemCode } from '../storage/problems.ts';

/**
 * Codes → message keys. Each table is a Record over the whole union, so adding a code anywhere without
 * a text here is a type error, and the locale test checks every key exists in English and French.
 */
export const SKIP_REASON_KEYS: Record<SkipReason, string> = {
  awayOff: 'skipReason_awayOff',
  outsideSchedule: 'skipReason_outsideSchedule',
  history: 'skipReason_history',
  ownMessage: 'skipReason_ownMessage',
  groupThread: 'skipReason_groupThread',
  requestThread: 'skipReason_requestThread',
  denyListed: 'skipReason_denyListed',
  notAllowListed: 'skipReason_notAllowListed',
  stopWord: 'skipReason_stopWord',
  silenced: 'skipReason_silenced',
  looksAutomatic: 'skipReason_looksAutomatic',
  cooldown: 'skipReason_cooldown',
  alreadyAnswered: 'skipReason_alreadyAnswered',
  minGap: 'skipReason_minGap',
  hourlyCap: 'skipReason_hourlyCap',
  dailyCap: 'skipReason_dailyCap',
  noRuleMatched: 'skipReason_noRuleMatched',
  urgent: 'skipReason_urgent',
  ruleRefused: 'skipReason_ruleRefused',
  templateMissing: 'skipReason_templateMissing',
  templateInvalid: 'skipReason_templateInvalid',
  decisionInterrupted: 'skipReason_decisionInterrupted',
  answeredYourself: 'skipReason_answeredYourself',
};

export const PROBLEM_KEYS: Record<ProblemCode, string> = {
  tooLarge: 'storageProblem_tooLarge',
  notJson: 'storageProblem_notJson',
  tooDeep: 'storageProblem_tooDeep',
  forbiddenKey: 'storageProblem_forbiddenKey',
  wrongFormat: 'storageProblem_wrongFormat',
  unsupportedVersion: 'storageProblem_unsupportedVersion',
  unknownKey: 'storageProblem_unknownKey',
  missingKey: 'storageProblem_missingKey',
  wrongType: 'storageProblem_wrongType',
  tooLong: 'storageProblem_tooLong',
  tooMany: 'storageProblem_tooMany',
  invalidValue: 'storageProblem_invalidValue',
  duplicateId: 'storageProblem_duplicateId',
  unknownTemplate: 'storageProblem_unknownTemplate',
  invalidRule: 'storageProblem_invalidRule',
  invalidTemplate: 'storageProblem_invalidTemplate',
  templateInUse: 'storageProblem_templateInUse',
  fieldInRule: 'storageProblem_fieldInRule',
  notFound: 'storageProblem_notFound',
  storageFailed: 'storageProblem_storageFailed',
};

/** Why an automatic reply did not go out (the sender's codes in the log's `reason`). */
export const SEND_PROBLEM_KEYS: Record<SendProblemCode, string> = {
  noComposer: 'sendProblem_noComposer',
  textRejected: 'sendProblem_textRejected',
  sendFailed: 'sendProblem_sendFailed',
  notConfirmed: 'sendProblem_notConfirmed',
  expired: 'sendProblem_expired',
  expiredUserBusy: 'sendProblem_expiredUserBusy',
};

/** Why a pending reply was put back for later (a tab's postpone code, kept in the job's `error`). */
export const JOB_WAITING_KEYS: Record<PostponeCode, string> = {
  userBusy: 'jobWaiting_userBusy',
  threadMismatch: 'jobWaiting_threadMismatch',
  threadNotListed: 'jobWaiting_threadNotListed',
  notLoaded: 'jobWaiting_notLoaded',
};

export const ACTIVITY_KIND_KEYS: Record<ActivityKind, string> = {
  detected: 'activityKind_detected',
  skipped: 'activityKind_skipped',
  suggested: 'activityKind_suggested',
  scheduled: 'activityKind_scheduled',
  sent: 'activityKind_sent',
  failed: 'activityKind_failed',
  cancelled: 'activityKind_cancelled',
};

export const TAB_PROBLEM_KEYS: Record<TabProblem, string> = {
  noXTab: 'tabProblem_noXTab',
  noAnswer: 'tabProblem_noAnswer',
  noOpenThread: 'tabProblem_noOpenThread',
  threadMismatch: 'tabProblem_threadMismatch',
  noComposer: 'tabProblem_noComposer',
};

export const MODE_KEYS: Record<ReplyMode, string> = { suggest: 'mode_suggest', auto: 'mode_auto' };

export const TRIGGER_KEYS: Record<TriggerKind, string> = {
  any: 'trigger_any',
  keywords: 'trigger_keywords',
  regex: 'trigger_regex',
  firstContact: 'trigger_firstContact',
};

export const JOB_STATE_KEYS: Record<JobState, string> = {
  pending: 'jobState_pending',
  typing: 'jobState_typing',
  sent: 'jobState_sent',
  failed: 'jobState_failed',
  cancelled: 'jobState_cancelled',
  expired: 'jobState_expired',
};

/** Which sign made a message look automatic (decide's detail for `looksAutomatic`). */
export const LOOP_SIGNAL_KEYS: Record<AutomaticSignal, string> = {
  timing: 'loopSignal_timing',
  label: 'loopSignal_label',
  phrase: 'loopSignal_phrase',
  echo: 'loopSignal_echo',
  template: 'loopSignal_template',
};

export const THREAD_KIND_KEYS: Record<ThreadKind, string> = {
  direct: 'threadKind_direct',
  group: 'threadKind_group',
  request: 'threadKind_request',
};

function isKey<K extends string>(table: Record<K, unknown>, code: string): code is K {
  return Object.hasOwn(table, code);
}

/** A skip reason or send problem in words; an unknown code is shown as is rather than hidden. */
export function reasonText(reason: string): string {
  if (isKey(SKIP_REASON_KEYS, reason)) return t(SKIP_REASON_KEYS[reason]);
  return isKey(SEND_PROBLEM_KEYS, reason) ? t(SEND_PROBLEM_KEYS[reason]) : reason;
}

export function loopSignalText(signal: string): string | null {
  return isKey(LOOP_SIGNAL_KEYS, signal) ? t(LOOP_SIGNAL_KEYS[signal]) : null;
}

export function tabProblemText(problem: TabProblem): string {
  return t(TAB_PROBLEM_KEYS[problem]);
}

const FAILURE_CODES: Record<FailureCode, true> = {
  noComposer: true,
  textRejected: true,
  sendFailed: true,
  notConfirmed: true,
};

/**
 * Why a pending reply waits, from its job's `error`: put back by the tab (postponed), or failed once and
 * to be tried again. Null when it has not been tried yet or the code is unknown (a newer tab's).
 */
export function jobWaitingText(error: string | undefined): string | null {
  if (error === undefined) return null;
  if (isKey(JOB_WAITING_KEYS, error)) return t(JOB_WAITING_KEYS[error]);
  return isKey(FAILURE_CODES, error) ? t('jobWaiting_retry', t(SEND_PROBLEM_KEYS[error])) : null;
}
