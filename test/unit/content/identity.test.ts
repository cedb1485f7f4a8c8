import { describe, expect, it } from 'vitest';
import {
  otherParticipant,
  participantsOf,
  ViewerId,
  viewerIdFromCookie,
  viewerIdFromThreads,
} from '../../../src/content/x/identity.ts';

describe('the viewer’s X id', () => {
  it('reads X’s twid cookie as X’s own Chat code does (u=<id>, URL-encoded)', () => {
    expect(viewerIdFromCookie('guest_id=v1%3A1; twid=u%3D1234567890; lang=en')).toBe('1234567890');
    expect(viewerIdFromCookie('twid="u=42"')).toBe('42');
    expect(viewerIdFromCookie('twid=u%3Dabc')).toBe('');
    expect(viewerIdFromCookie('xtwid=u%3D1; twid2=u%3D2')).toBe('');
    expect(viewerIdFromCookie('')).toBe('');
    expect(viewerIdFromCookie('twid=%E0%A4%A')).toBe('');
  });

  it('else finds the one id every listed 1:1 conversation shares', () => {
    expect(viewerIdFromThreads(['1000-2000', '1000-3000', 'g77', '999-1000'])).toBe('1000');
    // One conversation cannot tell which of its ids is the viewer's; unrelated ones share none.
    expect(viewerIdFromThreads(['1000-2000'])).toBe('');
    expect(viewerIdFromThreads(['1000-2000', '3000-4000'])).toBe('');
    expect(viewerIdFromThreads(['1000-2000', '1000-2000'])).toBe('');
  });

  it('prefers the cookie, and falls back to the threads', () => {
    let cookie = '';
    const viewer = new ViewerId(() => cookie);
    expect(viewer.get()).toBe('');
    viewer.learnFromThreads(['5-7', '5-9']);
    expect(viewer.get()).toBe('5');
    cookie = 'twid=u%3D7';
    expect(viewer.get()).toBe('7');
  });
});

describe('the other person’s id', () => {
  it('is the id of a 1:1 thread that is not the viewer’s', () => {
    expect(participantsOf('1000-2000')).toEqual(['1000', '2000']);
    expect(participantsOf('g123')).toBeNull();
    expect(otherParticipant('1000-2000', '1000')).toBe('2000');
    expect(otherParticipant('1000-2000', '2000')).toBe('1000');
    expect(otherParticipant('1000-2000', '3000')).toBe('');
    expect(otherParticipant('1000-2000', '')).toBe('');
    expect(otherParticipant('g123', '1000')).toBe('');
  });
});
