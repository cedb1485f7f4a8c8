import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type ActivityRow,
  describe as describeEntry,
  type Messages,
  reasonWords,
} from '../../../../scripts/demo/activity-words.ts';

const messages = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../../public/_locales/en/messages.json'), 'utf8'),
) as Messages;
const who = (handle: string) => `@${handle}`;
const row = (over: Partial<ActivityRow>): ActivityRow => ({
  at: 0,
  kind: 'skipped',
  threadId: '1000-2001',
  messageId: 'm1',
  contactHandle: 'carla',
  ...over,
});

describe('demo activity log in words', () => {
  it('says why a message was not answered, in the extension’s English', () => {
    const line = describeEntry(row({ reason: 'stopWord', text: 'stop' }), messages, who);
    expect(line).toBe(
      `${messages.activityKind_skipped?.message}: @carla — ${messages.skipReason_stopWord?.message}. They wrote “stop”`,
    );
  });

  it('quotes the reply of a suggestion, a scheduled and a sent message on one line', () => {
    for (const kind of ['suggested', 'scheduled', 'sent']) {
      const line = describeEntry(row({ kind, text: 'Hi Carla,\nthanks!' }), messages, who);
      expect(line).toContain(messages[`activityKind_${kind}`]?.message);
      expect(line).toContain('“Hi Carla, thanks!”');
    }
  });

  it('turns skip reasons and send problems into words, and shows an unknown code as is', () => {
    expect(reasonWords(messages, 'groupThread')).toBe(messages.skipReason_groupThread?.message);
    expect(reasonWords(messages, 'expired')).toBe(messages.sendProblem_expired?.message);
    expect(reasonWords(messages, 'somethingNew')).toBe('somethingNew');
    const failed = describeEntry(row({ kind: 'failed', reason: 'notConfirmed' }), messages, who);
    expect(failed).toContain(messages.sendProblem_notConfirmed?.message);
  });
});
