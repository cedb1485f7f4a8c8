// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { handleFromHref, profileHandleIn } from '../../../src/content/x/profile-link.ts';

describe('profile links (the 1:1 header, group avatars, the signed-in user)', () => {
  it('reads a handle from every form X writes a profile link in', () => {
    for (const href of [
      '/alice',
      '/alice/',
      'https://x.com/alice',
      'https://twitter.com/alice',
      'https://www.x.com/alice',
      'https://mobile.twitter.com/alice/',
      '//x.com/alice',
      'https://x.com/alice?lang=fr',
      '/alice#top',
    ]) {
      expect(handleFromHref(href), href).toBe('alice');
    }
  });

  it('says nothing for what is not one profile on X', () => {
    for (const href of [
      null,
      '',
      '/',
      '/alice/status/1',
      '/i/chat/1-2',
      '/home',
      '/Explore',
      'https://example.com/alice',
      'https://x.com.evil.example/alice',
      '/a-b',
      'javascript:alert(1)',
      'alice',
    ]) {
      expect(handleFromHref(href), String(href)).toBe('');
    }
  });

  it('takes the first profile link of an element, never a mention inside a message text', () => {
    const row = document.createElement('div');
    row.innerHTML = `
      <div data-testid="message-text-u1"><a href="/mentioned">@mentioned</a></div>
      <a href="/i/chat/1-2">chat</a>
      <a href="https://x.com/writer"><img alt=""></a>`;
    expect(profileHandleIn(row)).toBe('writer');
    expect(profileHandleIn(null)).toBe('');
  });
});
