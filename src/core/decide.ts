import { contactKey, knownHandles, listNames } from './contact-key.ts';
import { planTiming } from './humanize.ts';
import { chooseTemplate, type DetectedLanguage, languageTemplateIds } from './language-choice.ts';
import { type AutoSend, checkLimits, clampLimits } from './limits.ts';
import { AUTO_REPLY_LABEL, automaticSignal, isStopWord } from './loops.ts';
import type { Rng } from './rng.ts';
import { type CompiledRules, compileRules, isCompiledRules, matchRule } from './rules.ts';
import { type AwayStatus, awayStatus, awayStretchStart } from './schedule.ts';
import { hasFields } from './template-fields.ts';
import { validateTemplate } from './template-syntax.ts';
import { appendLabel, render, templateVars } from './templates.ts';
import type {
  Contact,
  Decision,
  IncomingDm,
  Rule,
  Settings,
  SkipReason,
  Template,
  ThreadState,
} from './types.ts';
import { answersUrgent, urgencyOf } from './urgent.ts';

export interface DecisionState {
  settings: Settings;
  /** Pass `compileRules(rules)` and keep it while rules do not change; a plain array is compiled per call. */
  rules: CompiledRules | readonly Rule[];
  templates: readonly Template[];
  /** The sender as stored (created when their first message was recorded), or null if never stored. */
  contact: Contact | null;
  thread: ThreadState | null;
  /**
   * Automatic messages of at least the last 24 h in every thread, sent or pending (pending ones at their
   * due time), with their text when known. Feeds the caps, the min gap and loop detection.
   */
  sends: readonly AutoSend[];
  /** The visible label from _locales when `settings.addAutoReplyLabel`; else `AUTO_REPLY_LABEL`. */
  autoReplyLabel?: string;
  /**
   * The label in each template language. A reply carries its template's (else `autoReplyLabel`), and
   * every one of them marks an incoming message as automatic: two instances set to different languages
   * facing each other must still stop.
   */
  autoReplyLabels?: AutoReplyLabels;
  /**
   * What the browser detected the message's language to be, asked by the caller (the worker) because
   * core uses no browser API; null or absent when unknown. Picks among a rule's language templates.
   */
  language?: DetectedLanguage | null;
}

/** The visible auto-reply label in each template language, from _locales. */
export type AutoReplyLabels = Readonly<Partial<Record<Template['locale'], string>>>;

/** The label a reply from this template carries. */
export function labelFor(state: DecisionState, locale: Template['locale']): string {
  return state.autoReplyLabels?.[locale] ?? state.autoReplyLabel ?? AUTO_REPLY_LABEL;
}

/** Every label our messages may carry, whatever their language. */
function knownLabels(state: DecisionState): string[] {
  const labels = Object.values(state.autoReplyLabels ?? {});
  if (state.autoReplyLabel !== undefined) labels.push(state.autoReplyLabel);
  return labels;
}

const skip = (reason: SkipReason, detail?: string, retryAt?: number): Decision => {
  const decision: Decision = { kind: 'skip', reason };
  if (detail !== undefined) decision.detail = detail;
  if (retryAt !== undefined) decision.retryAt = retryAt;
  return decision;
};

function isOwn(dm: IncomingDm, settings: Settings): boolean {
  const mine = settings.myHandle.toLowerCase().replace(/^@/, '');
  return mine !== '' && dm.senderHandle.toLowerCase() === mine;
}

/**
 * The other person asked us to stop: a stop word in a message they wrote (the user's own "stop" is not a
 * request to stop answering them). Whatever the rest of the decision, such a message silences its sender.
 */
export function asksToStop(dm: IncomingDm, settings: Settings): boolean {
  return !isOwn(dm, settings) && isStopWord(dm.text);
}

/**
 * The sender is new to us: no stored contact older than this message and no earlier sight of the thread
 * (a thread seen before this message has history with them, even if they never wrote before).
 */
function isFirstContact(dm: IncomingDm, state: DecisionState): boolean {
  const contactIsNew = state.contact === null || state.contact.firstSeenAt >= dm.detectedAt;
  const threadIsNew = state.thread === null || state.thread.firstSeenAt >= dm.detectedAt;
  return contactIsNew && threadIsNew;
}

/**
 * Should this incoming DM get a reply, and which? Pure: the same inputs give the same decision.
 *
 * Checks run in this order and the first that fails is the reason given. A "stop" comes first, because it
 * is the person's word and must be kept whatever else holds the message back; then what the user controls
 * directly, then what protects other people, then the safety limits, then the rules:
 * 0. stopWord (see `asksToStop`): the caller must silence the contact (`silencedAt`) and cancel the
 *    replies to them still on their way. Before everything else, so a "stop" that arrives while away is
 *    off, outside the weekly hours, in a group or a request, from a deny-listed person, or in a message that
 *    looks automatic is still recorded, and before `silenced` so every "stop" is logged.
 * 1. awayOff: the switch is off, or `awayUntil` passed. Absolute: not even `always` rules answer.
 * 2. outsideSchedule: the switch is on but the weekly hours say present, and no enabled `always` rule exists.
 *    (If some exist the message goes on; step 15 then only considers `always` rules.)
 * 3. history: detected before the thread was first seen or before away was last switched on.
 * 4. ownMessage: written by the user (`settings.myHandle`).
 * 5. groupThread / requestThread: unless the user opted in.
 * 6. denyListed, then notAllowListed (a non-empty allow list answers only those handles).
 * 8. silenced.  9. looksAutomatic (loops.ts).
 * 9b. urgent (urgent.ts): while away (not while present by the weekly hours) with the feature on, a VIP
 *    or an urgent word holds the message for the user, unless an enabled rule with `answerUrgent` matches
 *    it; then only such rules are considered in step 15. Before the limits, so the caller notifies the
 *    user of every urgent message, even from someone answered recently.
 * 10–14. cooldown, alreadyAnswered (one per thread each time away is switched on), minGap (with
 *    `retryAt`: the message may be decided again then),
 *    hourlyCap, dailyCap (limits.ts).
 * 15. noRuleMatched (or outsideSchedule while present); ruleRefused when the first rule reached was
 *    stored before a check refused it (rules.ts); then the template: templateMissing /
 *    templateInvalid when the winning rule's template is gone, broken or asks for a field (no fall-through
 *    to a lower rule: that could send something the user did not mean for this message). The template is
 *    the rule's one for the message's language when `state.language` reliably names one (language-choice.ts).
 *
 * The limits apply in suggest mode too, so a suggestion shows exactly what auto mode would send. A rule in
 * `auto` mode only sends by itself when `settings.autoSendAcknowledged`; otherwise the reply degrades to
 * `suggest`, because X treats automation as a suspension risk and the user must have accepted that.
 */
export function decide(dm: IncomingDm, state: DecisionState, now: number, rng: Rng): Decision {
  const { settings } = state;
  if (asksToStop(dm, settings)) return skip('stopWord');
  const status = awayStatus(settings.schedule, now);
  if (status === 'off' || status === 'ended') return skip('awayOff', status);
  const compiled = isCompiledRules(state.rules) ? state.rules : compileRules(state.rules);
  const present = status === 'outside';
  if (present && !compiled.rules.some((c) => c.rule.enabled && c.rule.when === 'always')) {
    return skip('outsideSchedule');
  }

  const awaySince = settings.schedule.awaySince;
  if (state.thread !== null && dm.detectedAt < state.thread.firstSeenAt) return skip('history', 'thread');
  if (awaySince !== null && dm.detectedAt < awaySince) return skip('history', 'awaySince');

  if (isOwn(dm, settings)) return skip('ownMessage');
  if (dm.threadKind === 'group' && !settings.answerGroups) return skip('groupThread');
  if (dm.threadKind === 'request' && !settings.answerRequests) return skip('requestThread');
  // Lists hold handles; a person who changed theirs is still matched by the ones seen before with their id.
  const handles = knownHandles(dm.senderHandle, state.contact);
  if (listNames(settings.denyList, handles)) return skip('denyListed');
  if (settings.allowList.length > 0 && !listNames(settings.allowList, handles)) return skip('notAllowListed');

  if (state.contact?.silencedAt != null) return skip('silenced');

  // Only templates our rules send can come back at us; quick replies are typed by the user.
  const sentTemplates = new Set(
    compiled.rules
      .filter((c) => c.rule.enabled)
      .flatMap((c) => [c.rule.templateId, ...languageTemplateIds(c.rule)]),
  );
  const signal = automaticSignal(dm.text, {
    detectedAt: dm.detectedAt,
    labels: knownLabels(state),
    templateBodies: state.templates.filter((t) => sentTemplates.has(t.id)).map((t) => t.body),
    ownReplies: state.sends.filter((s) => s.threadId === dm.threadId),
  });
  if (signal) return skip('looksAutomatic', signal);

  const urgency = present ? null : urgencyOf(dm, settings);
  const firstContact = isFirstContact(dm, state);
  const eligible = (r: Rule) => (!present || r.when === 'always') && (urgency === null || answersUrgent(r));
  if (urgency !== null && !matchRule(compiled, { text: dm.text, firstContact, eligible })) {
    return skip('urgent', urgency);
  }

  const limit = checkLimits({
    limits: clampLimits(settings.limits),
    threadId: dm.threadId,
    contactHandle: dm.senderHandle,
    contactKey: contactKey(dm.senderId, dm.senderHandle),
    contact: state.contact,
    thread: state.thread,
    awaySince: answerPeriodStart(settings.schedule, now, status),
    sends: state.sends,
    now,
  });
  if (limit) return skip(limit.reason, undefined, limit.retryAt);

  const rule = matchRule(compiled, { text: dm.text, firstContact, eligible });
  if (!rule) return skip(present ? 'outsideSchedule' : 'noRuleMatched');
  if (compiled.errors.has(rule.id)) return skip('ruleRefused', rule.id);

  const language = chooseTemplate(rule, state.language);
  const template = state.templates.find((t) => t.id === language.templateId);
  if (!template) return skip('templateMissing', rule.id);
  const validity = validateTemplate(template.body);
  // A field (`{ask:…}`) needs someone to fill it in: storage refuses such a rule, this is the last guard.
  if (!validity.ok || hasFields(template.body)) return skip('templateInvalid', rule.id);

  const vars = templateVars({
    senderName: dm.senderName,
    senderHandle: dm.senderHandle,
    myName: settings.myName,
    now,
    awayUntil: settings.schedule.awayUntil,
    timeZone: settings.schedule.timeZone,
    locale: template.locale,
  });
  const body = render(template.body, vars, rng);
  const text = settings.addAutoReplyLabel ? appendLabel(body, labelFor(state, template.locale)) : body;
  return {
    kind: 'reply',
    ruleId: rule.id,
    templateId: template.id,
    text,
    mode: rule.mode === 'auto' && settings.autoSendAcknowledged ? 'auto' : 'suggest',
    timing: planTiming(text, dm.text, settings.timing, rng),
    language,
  };
}

/** Since when a conversation counts as answered: away switched on, or the current weekly stretch began. */
function answerPeriodStart(schedule: Settings['schedule'], now: number, status: AwayStatus): number | null {
  const stretch = awayStretchStart(schedule, now, status);
  if (stretch === null) return schedule.awaySince;
  return schedule.awaySince === null ? stretch : Math.max(schedule.awaySince, stretch);
}
