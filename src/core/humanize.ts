import { between, type Rng } from './rng.ts';
import type { Timing, TimingPlan } from './types.ts';

export { createRng, type Rng } from './rng.ts';

/**
 * A human-looking schedule for one reply: read the message, think, then type word by word at a speed drawn
 * for this reply, with uneven keystrokes and longer pauses after punctuation. The plan is then scaled to
 * fit the user's delay bounds (see planTiming).
 */

/** Typing speed range, characters per minute: an ordinary typist on a keyboard. */
export const TYPING_CPM = { min: 180, max: 320 } as const;
const READ_BASE_MS = 800;
/** Skimming a DM, about 25 characters a second. */
const READ_MS_PER_CHAR = 40;
const READ_MAX_MS = 15_000;
const THINK_MS = { min: 1_500, max: 6_000 } as const;
/** Each keystroke takes between half and one and a half of the average. */
const KEY_JITTER = { min: 0.5, max: 1.5 } as const;
const SENTENCE_PAUSE_MS = { min: 400, max: 1_200 } as const;
const CLAUSE_PAUSE_MS = { min: 150, max: 500 } as const;

/** Words with the spaces that follow them; leading spaces stay with the first word. */
export function splitChunks(text: string): string[] {
  const chunks = text.match(/\S+\s*/g) ?? [];
  const lead = /^\s+/.exec(text)?.[0] ?? '';
  if (lead && chunks.length > 0) chunks[0] = lead + chunks[0];
  return chunks;
}

function pauseAfter(chunk: string, rng: Rng): number {
  const end = chunk.trimEnd().slice(-1);
  if ('.!?…'.includes(end) && end) return between(rng, SENTENCE_PAUSE_MS.min, SENTENCE_PAUSE_MS.max);
  if (',;:'.includes(end) && end) return between(rng, CLAUSE_PAUSE_MS.min, CLAUSE_PAUSE_MS.max);
  return 0;
}

function normaliseBounds(bounds: Timing): { min: number; max: number } {
  const min = Number.isFinite(bounds.minDelayMs) ? Math.max(0, bounds.minDelayMs) : 0;
  const max = Number.isFinite(bounds.maxDelayMs) ? Math.max(min, bounds.maxDelayMs) : min;
  return { min, max };
}

export function planTiming(text: string, incomingText: string, bounds: Timing, rng: Rng): TimingPlan {
  const readRaw = Math.min(
    READ_MAX_MS,
    (READ_BASE_MS + incomingText.length * READ_MS_PER_CHAR) * between(rng, 0.8, 1.25),
  );
  const thinkRaw = between(rng, THINK_MS.min, THINK_MS.max);
  const msPerChar = 60_000 / between(rng, TYPING_CPM.min, TYPING_CPM.max);
  const chunks = splitChunks(text);
  const delaysRaw: number[] = [];
  let previous = '';
  for (const chunk of chunks) {
    let ms = previous ? pauseAfter(previous, rng) : 0;
    for (let k = 0; k < chunk.length; k++) ms += msPerChar * between(rng, KEY_JITTER.min, KEY_JITTER.max);
    delaysRaw.push(ms);
    previous = chunk;
  }

  const typing = delaysRaw.reduce((a, b) => a + b, 0);
  const wait = readRaw + thinkRaw;
  const { min, max } = normaliseBounds(bounds);
  const totalMs = Math.round(Math.min(max, Math.max(min, wait + typing)));
  // Only the wait before typing stretches or shrinks: a person who answers later notices the message later,
  // they do not type slower. When typing alone is longer than allowed, everything shrinks alike.
  const waitFactor = totalMs >= typing ? (totalMs - typing) / wait : totalMs / (wait + typing);
  const typeFactor = totalMs >= typing ? 1 : waitFactor;
  const readMs = Math.floor(readRaw * waitFactor);
  const keyDelaysMs = delaysRaw.map((d) => Math.floor(d * typeFactor));
  // Flooring leaves a few ms over; thinking absorbs them so the parts add up exactly.
  const thinkMs = totalMs - readMs - keyDelaysMs.reduce((a, b) => a + b, 0);
  return { readMs, thinkMs, chunks, keyDelaysMs, totalMs };
}
