import type { CompiledRules } from './rules.ts';
import type { Rule, SendJob } from './types.ts';

/**
 * Stepping aside when the user answers: my own message in a conversation (typed in this tab, on my
 * phone, or in another browser; X syncs the thread) ends the automatic reply or suggestion still waiting
 * for a message of theirs it comes after. Pure: the caller gives the jobs and the time.
 */

/** One of my own messages, as the page saw it. */
export interface OwnMessage {
  threadId: string;
  /** The row's uuid. */
  messageId: string;
  text: string;
  detectedAt: number;
  /**
   * True when it appeared while the conversation was open (it is newer than everything seen there);
   * false when it was already on screen as the conversation opened (only `answers` places it).
   */
  live: boolean;
  /** Their messages (row uuids) on screen between my previous message and this one: what it answers. */
  answers: string[];
  /**
   * The texts of those messages, in the same order: a message first seen as an inbox preview has no row
   * uuid, and is recognised by its preview instead. Absent from older pages.
   */
  answeredTexts?: string[];
}

/** What a reply waiting for one of their messages looks like to these checks. */
export interface WaitingReply {
  threadId: string;
  messageId: string;
  /** When it was decided: about when their message was seen. */
  createdAt: number;
}

const comparable = (text: string) => text.replace(/\s+/gu, ' ').trim();

/**
 * Our own automatic replies are "mine" on X's page too. One is ours when a job of this conversation that
 * got as far as typing (or further) carries the same text: the jobs know what we typed.
 */
export function isOurReply(own: OwnMessage, jobs: readonly SendJob[]): boolean {
  const text = comparable(own.text);
  if (text === '') return false;
  return jobs.some(
    (job) => job.threadId === own.threadId && job.state !== 'pending' && comparable(job.text) === text,
  );
}

/**
 * Whether my message answers the message this reply waits for: it lists that message among those it
 * follows, or it appeared live after the reply was decided (an inbox preview has no row uuid to list).
 */
export function answers(own: OwnMessage, reply: WaitingReply): boolean {
  if (reply.threadId !== own.threadId) return false;
  if (own.answers.includes(reply.messageId)) return true;
  return own.live && reply.createdAt <= own.detectedAt;
}

/** The waiting replies `own` makes pointless (none when `own` is one of ours). */
export function answeredBy<R extends WaitingReply>(
  own: OwnMessage,
  waiting: readonly R[],
  jobs: readonly SendJob[],
): R[] {
  if (isOurReply(own, jobs)) return [];
  return waiting.filter((reply) => answers(own, reply));
}

/** The grace period (minutes) of the rule a decision came from; undefined when it is not found. */
export function ruleGraceMinutes(rules: CompiledRules | readonly Rule[], ruleId: string): number | undefined {
  // A type-only import of the rule engine: storage/jobs.ts (and through it the popup) imports this file.
  const list = Array.isArray(rules)
    ? (rules as readonly Rule[])
    : (rules as CompiledRules).rules.map((c) => c.rule);
  return list.find((rule) => rule.id === ruleId)?.graceMinutes;
}
