import { describe, expect, it } from 'vitest';
import { threadIdFromUrl, threadKind, threadUrl } from '../../../src/shared/chat-urls.ts';

describe('threadUrl', () => {
  it('builds the addresses threadIdFromUrl reads back, for each kind of conversation', () => {
    for (const [id, kind] of [
      ['1000-2000', 'direct'],
      ['g123456', 'group'],
      ['1000-2000', 'request'],
    ] as const) {
      const url = threadUrl(id, kind);
      expect(url).not.toBeNull();
      expect(threadIdFromUrl(url!)).toBe(id);
      expect(threadKind(url!)).toBe(kind);
    }
    expect(threadUrl('1000-2000', 'direct')).toBe('https://x.com/i/chat/1000-2000');
    expect(threadUrl('1000-2000', 'request')).toBe('https://x.com/i/chat/requests/1000-2000');
  });

  it('refuses what is not a thread id, so nothing else can be opened', () => {
    expect(threadUrl('../../settings', 'direct')).toBeNull();
    expect(threadUrl('', 'direct')).toBeNull();
  });
});
