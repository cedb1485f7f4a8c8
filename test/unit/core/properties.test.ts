import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/core/decide.ts';
import type { AutoSend } from '../../../src/core/limits.ts';
import { createRng } from '../../../src/core/rng.ts';
import { compileRules } from '../../../src/core/rules.ts';
import { TEMPLATE_VARIABLES } from '../../../src/core/template-syntax.ts';
import { render, type TemplateVars, validateTemplate } from '../../../src/core/templates.ts';
import type { Contact, ThreadState } from '../../../src/core/types.ts';
import { dm, HOUR, NOW, rule, settings, state } from './fixtures.ts';

// ---------- templates ----------

const plainChar = fc.constantFrom(...Array.from('abcXYZ éàç!?.,;:\'"-_()[]<>&@#0123456789\n\t😀'));
const plainText = fc.string({ unit: plainChar, maxLength: 12 });
const variable = fc.constantFrom(...TEMPLATE_VARIABLES).map((name) => `{${name}}`);

/** A variation nested at most `depth` more levels: within the grammar's depth limit by construction. */
function variationOf(depth: number): fc.Arbitrary<string> {
  const part =
    depth === 0 ? fc.oneof(plainText, variable) : fc.oneof(plainText, variable, variationOf(depth - 1));
  const option = fc.array(part, { maxLength: 3 }).map((parts) => parts.join(''));
  return fc.array(option, { minLength: 2, maxLength: 3 }).map((options) => `{${options.join('|')}}`);
}

/**
 * Valid bodies by construction, with the number of literal braces their escapes produce. Escapes only
 * exist at top level, and a top-level variation must not start with `{{` (that reads as an escape).
 */
const body = fc
  .array(
    fc.oneof(
      plainText.map((text) => ({ text, braces: 0 })),
      variable.map((text) => ({ text, braces: 0 })),
      variationOf(3)
        .filter((v) => !v.startsWith('{{'))
        .map((text) => ({ text, braces: 0 })),
      fc.constantFrom('{{', '}}').map((text) => ({ text, braces: 1 })),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => ({
    text: parts.map((p) => p.text).join(''),
    braces: parts.reduce((n, p) => n + p.braces, 0),
  }));

const braceless = fc.string({ maxLength: 30 }).filter((s) => !/[{}]|undefined|null/.test(s));
const vars: fc.Arbitrary<Partial<TemplateVars>> = fc.record(
  Object.fromEntries(TEMPLATE_VARIABLES.map((name) => [name, braceless])) as Record<
    keyof TemplateVars,
    typeof braceless
  >,
  { requiredKeys: [] },
);

describe('property: templates', () => {
  it('a validated template renders without throwing, leaking braces, "undefined" or "null"', () => {
    fc.assert(
      fc.property(body, vars, fc.integer(), (b, v, seed) => {
        fc.pre(validateTemplate(b.text).ok);
        const out = render(b.text, v, createRng(seed));
        expect((out.match(/[{}]/g) ?? []).length).toBe(b.braces);
        expect(out).not.toMatch(/undefined|null/);
      }),
      { numRuns: 800 },
    );
  });

  it('generated bodies are valid (the property above is not vacuous)', () => {
    const samples = fc.sample(body, 300);
    const invalid = samples.map((b) => validateTemplate(b.text)).filter((r) => !r.ok);
    // Only whitespace-only bodies ('empty') may be refused.
    expect(invalid.every((r) => !r.ok && r.code === 'empty')).toBe(true);
    expect(invalid.length).toBeLessThan(30);
  });

  it('any body at all renders without throwing, and without braces unless escaped', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), vars, fc.integer(), (b, v, seed) => {
        const out = render(b, v, createRng(seed));
        if (!/\{\{|\}\}/.test(b)) expect(out).not.toMatch(/[{}]/);
      }),
      { numRuns: 800 },
    );
  });
});

// ---------- caps and cooldowns over random arrivals ----------

const arrival = fc.record({
  gapMs: fc.integer({ min: 0, max: 40 * 60_000 }),
  contact: fc.integer({ min: 0, max: 4 }),
  inGroup: fc.boolean(),
  text: fc.constantFrom('hello', 'are you there?', 'call me', 'ping', 'quick question about the invoice'),
});

const scenario = fc.record({
  limits: fc.record({
    contactCooldownMs: fc.integer({ min: 0, max: 3 * HOUR }),
    minGapMs: fc.integer({ min: 0, max: 120_000 }),
    hourlyCap: fc.integer({ min: 0, max: 6 }),
    dailyCap: fc.integer({ min: 0, max: 12 }),
  }),
  maxDelayMs: fc.integer({ min: 0, max: 300_000 }),
  arrivals: fc.array(arrival, { minLength: 1, maxLength: 80 }),
  seed: fc.integer(),
});

describe('property: limits hold over random arrival sequences', () => {
  it('never above the caps, never inside the cooldown or min gap, one per thread until they write', () => {
    let totalSends = 0;
    const reasons = new Set<string>();
    fc.assert(
      fc.property(scenario, ({ limits, maxDelayMs, arrivals, seed }) => {
        const s = settings({
          limits,
          timing: { minDelayMs: 0, maxDelayMs },
          answerGroups: true,
          schedule: { ...settings().schedule, awaySince: 0 },
        });
        const rules = compileRules([rule()]);
        const rng = createRng(seed);
        const contacts = new Map<string, Contact>();
        const threads = new Map<string, ThreadState>();
        const sends: AutoSend[] = [];
        const incoming: { threadId: string; at: number }[] = [];
        let now = 1_000_000_000;
        const deliver = (until: number) => {
          for (const send of sends) {
            if (send.at > until) continue;
            const c = contacts.get(send.contactHandle)!;
            if ((c.lastRepliedAt ?? -1) < send.at) c.lastRepliedAt = send.at;
            const t = threads.get(send.threadId)!;
            if ((t.lastAutoReplyAt ?? -1) < send.at) t.lastAutoReplyAt = send.at;
          }
        };
        arrivals.forEach((a, i) => {
          now += a.gapMs;
          deliver(now);
          const handle = `user${a.contact}`;
          const threadId = a.inGroup ? 'g1' : `${a.contact}-99`;
          const contact = contacts.get(handle) ?? {
            key: `@${handle}`,
            id: '',
            handle,
            handles: [handle],
            name: handle,
            firstSeenAt: now,
            lastRepliedAt: null,
            silencedAt: null,
          };
          contacts.set(handle, contact);
          const thread = threads.get(threadId) ?? {
            threadId,
            firstSeenAt: now,
            lastIncomingAt: null,
            lastAutoReplyAt: null,
          };
          thread.lastIncomingAt = now;
          threads.set(threadId, thread);
          incoming.push({ threadId, at: now });
          const message = dm({
            messageId: `m${i}`,
            threadId,
            threadKind: a.inGroup ? 'group' : 'direct',
            senderHandle: handle,
            senderName: handle,
            text: a.text,
            detectedAt: now,
          });
          const d = decide(message, state({ settings: s, rules, contact, thread, sends }), now, rng);
          if (d.kind === 'reply') {
            sends.push({
              at: now + d.timing.totalMs,
              threadId,
              contactHandle: handle,
              contactKey: `@${handle}`,
              text: d.text,
            });
          } else {
            reasons.add(d.reason);
          }
        });

        const byTime = [...sends].sort((x, y) => x.at - y.at);
        for (const sent of byTime) {
          const inWindow = (ms: number) =>
            byTime.filter((o) => o.at > sent.at - ms && o.at <= sent.at).length;
          expect(inWindow(HOUR)).toBeLessThanOrEqual(limits.hourlyCap);
          expect(inWindow(24 * HOUR)).toBeLessThanOrEqual(limits.dailyCap);
        }
        for (let i = 1; i < byTime.length; i++) {
          expect(byTime[i]!.at - byTime[i - 1]!.at).toBeGreaterThanOrEqual(limits.minGapMs);
        }
        const groups = (key: (x: AutoSend) => string) => {
          const map = new Map<string, AutoSend[]>();
          for (const x of byTime) map.set(key(x), [...(map.get(key(x)) ?? []), x]);
          return map;
        };
        for (const list of groups((x) => x.contactHandle).values()) {
          for (let i = 1; i < list.length; i++) {
            expect(list[i]!.at - list[i - 1]!.at).toBeGreaterThanOrEqual(limits.contactCooldownMs);
          }
        }
        for (const [threadId, list] of groups((x) => x.threadId)) {
          for (let i = 1; i < list.length; i++) {
            const prev = list[i - 1]!.at;
            const next = list[i]!.at;
            expect(incoming.some((m) => m.threadId === threadId && m.at > prev && m.at <= next)).toBe(true);
          }
        }
        totalSends += sends.length;
        return true;
      }),
      { numRuns: 300 },
    );
    // Not vacuous: replies were sent and every limit was hit at some point.
    expect(totalSends).toBeGreaterThan(300);
    expect([...reasons].sort()).toEqual(
      expect.arrayContaining(['alreadyAnswered', 'cooldown', 'dailyCap', 'hourlyCap', 'minGap']),
    );
  });
});

describe('property: every reply fits in one X message', () => {
  it('whatever the template, the names and the label, a reply from decide is at most 10,000 characters', () => {
    const part = fc.oneof(variable, variable, plainText, variationOf(2));
    // Mostly `{name}`, the shape of issue 11 (333 of them rendered 16,650 characters).
    const namePart = fc.oneof({ arbitrary: fc.constant('{name}'), weight: 8 }, part);
    const longBody = fc
      .oneof(fc.array(part, { maxLength: 300 }), fc.array(namePart, { maxLength: 330, size: 'max' }))
      .map((parts) => parts.join(''));
    // Long values matter most: half of them are near their field's limit.
    const anyText = (maxLength: number) =>
      fc.oneof(
        fc.string({ unit: 'grapheme', maxLength }),
        fc.string({ unit: 'grapheme', minLength: maxLength / 2, maxLength }),
      );
    let replies = 0;
    let refused = 0;
    fc.assert(
      fc.property(
        longBody,
        anyText(200),
        anyText(50),
        anyText(200),
        anyText(300),
        fc.integer(),
        (templateBody, senderName, senderHandle, myName, label, seed) => {
          const template = {
            id: 't',
            name: 't',
            body: templateBody,
            locale: 'en' as const,
            quickReply: false,
          };
          const s = state({
            settings: settings({ myName, addAutoReplyLabel: true }),
            rules: [rule({ templateId: 't', mode: 'auto' })],
            templates: [template],
            autoReplyLabel: label,
          });
          const d = decide(dm({ senderName, senderHandle }), s, NOW, createRng(seed));
          if (d.kind === 'reply') {
            replies++;
            expect(d.text.length).toBeLessThanOrEqual(10_000);
          } else if (d.reason === 'templateInvalid') {
            refused++;
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(replies).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(20);
  });
});
