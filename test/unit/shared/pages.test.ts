import { describe, expect, it } from 'vitest';
import {
  isChatInbox,
  isChatPage,
  isPasscodeGate,
  isRequestsList,
  threadIdFromConversationKey,
  threadIdFromUrl,
  threadKind,
} from '../../../src/shared/chat-urls.ts';

describe('chat URL predicates', () => {
  it.each([
    ['https://x.com/i/chat', true, true],
    ['https://x.com/i/chat/', true, true],
    ['https://x.com/i/chat?src=nav', true, true],
    ['https://twitter.com/i/chat', true, true],
    ['https://chat.x.com/', true, true],
    ['https://chat.x.com/i/chat', true, true],
    ['https://x.com/i/chat/1000-2000', true, false],
    ['https://x.com/i/chat/requests', true, false],
    ['https://x.com/i/chat/pin/recovery', true, false],
    ['https://x.com/home', false, false],
    ['https://x.com/messages', false, false],
    ['https://x.com/i/chatter', false, false],
    ['https://evil.example/i/chat', false, false],
    ['http://x.com/i/chat', false, false],
    ['not a url', false, false],
  ])('%s: chat page %s, inbox %s', (url, chat, inbox) => {
    expect(isChatPage(url)).toBe(chat);
    expect(isChatInbox(url)).toBe(inbox);
  });

  it('tells the requests list and the passcode gate apart from threads', () => {
    expect(isRequestsList('https://x.com/i/chat/requests')).toBe(true);
    expect(isRequestsList('https://x.com/i/chat/requests/1000-4000')).toBe(false);
    // The "other" folder of possible spam (item 7).
    expect(isRequestsList('https://x.com/i/chat/requests/other')).toBe(true);
    expect(isRequestsList('https://x.com/i/chat/requests/other/1000-4000')).toBe(false);
    expect(isPasscodeGate('https://x.com/i/chat/pin/recovery')).toBe(true);
    expect(isPasscodeGate('https://x.com/i/chat')).toBe(false);
  });

  it.each([
    ['https://x.com/i/chat/1000-2000', '1000-2000', 'direct'],
    ['https://x.com/i/chat/1000-2000/', '1000-2000', 'direct'],
    ['https://x.com/i/chat/1000-2000/info', '1000-2000', 'direct'],
    ['https://chat.x.com/1000-2000', '1000-2000', 'direct'],
    ['https://x.com/i/chat/g1234567890', 'g1234567890', 'group'],
    ['https://x.com/i/chat/requests/1000-4000', '1000-4000', 'request'],
    ['https://x.com/i/chat/requests/other/1000-4000', '1000-4000', 'request'],
    ['https://x.com/i/chat/requests/other', null, null],
    ['https://x.com/i/chat/requests/other/1000-4000/x/y', null, null],
    ['https://x.com/i/chat', null, null],
    ['https://x.com/i/chat/requests', null, null],
    ['https://x.com/i/chat/pin/recovery', null, null],
    ['https://x.com/i/chat/alice', null, null],
    ['https://x.com/i/chat/1000-2000/a/b', null, null],
    ['https://x.com/1000-2000', null, null],
  ])('%s → thread %s (%s)', (url, id, kind) => {
    expect(threadIdFromUrl(url)).toBe(id);
    expect(threadKind(url)).toBe(kind);
  });

  it('accepts a URL object as well as a string', () => {
    expect(threadIdFromUrl(new URL('https://x.com/i/chat/g42'))).toBe('g42');
  });

  it('answers each URL for itself when asked about several in turn (the last one parsed is remembered)', () => {
    const urls = ['https://x.com/i/chat/1-2', 'https://x.com/i/chat/requests/3-4', 'https://x.com/home'];
    const expected = [
      ['1-2', 'direct'],
      ['3-4', 'request'],
      [null, null],
    ];
    for (let round = 0; round < 3; round++) {
      urls.forEach((url, i) => {
        expect([threadIdFromUrl(url), threadKind(url)]).toEqual(expected[i]);
        expect(threadIdFromUrl(new URL(urls[(i + 1) % 3] as string))).toBe(expected[(i + 1) % 3]?.[0]);
      });
    }
  });

  it('turns the inbox-row key form into the URL form', () => {
    expect(threadIdFromConversationKey('1000:2000')).toBe('1000-2000');
    expect(threadIdFromConversationKey('g42')).toBe('g42');
    expect(threadIdFromConversationKey('alice')).toBeNull();
    expect(threadIdFromConversationKey('1000:2000:3000')).toBeNull();
  });
});
