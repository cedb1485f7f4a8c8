// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://x.com/i/chat"}
import { describe, expect, it } from 'vitest';
import { answerViewer } from '../../../src/content/viewer-listener.ts';
import { handleFromProfileHref, readViewer } from '../../../src/content/x/viewer.ts';
import { loadFakeX, standardSeed } from './support/fake-page.ts';

describe('the signed-in user, from X’s primary navigation', () => {
  it('reads the handle of the "Profile" link, in every form X writes it', () => {
    expect(handleFromProfileHref('/alice')).toBe('alice');
    expect(handleFromProfileHref('/Alice_99/')).toBe('Alice_99');
    expect(handleFromProfileHref('https://x.com/alice')).toBe('alice');
    expect(handleFromProfileHref('https://twitter.com/alice?lang=fr')).toBe('alice');
  });

  it('refuses what is not one profile on X', () => {
    for (const href of [
      null,
      '',
      '/',
      '/alice/status/1',
      '/home',
      '/i/chat',
      '/explore',
      'https://example.com/alice',
      '/a-b',
      '/waytoolongforxhandles',
      'javascript:alert(1)',
    ]) {
      expect(handleFromProfileHref(href), String(href)).toBeNull();
    }
  });

  it.each(['shadow', 'light'] as const)('finds the fake X’s signed-in user (%s variant)', async (variant) => {
    await loadFakeX({
      seed: { ...standardSeed(), me: { id: '1000', handle: 'Jo_Away', name: 'Jo' } },
      variant,
    });
    expect(readViewer(document)).toEqual({ handle: 'Jo_Away' });
    expect(answerViewer(document)).toEqual({ ok: true, viewer: { handle: 'Jo_Away' } });
  });

  it('says nobody is signed in when the page has no profile link', () => {
    document.body.replaceChildren();
    expect(readViewer(document)).toBeNull();
    expect(answerViewer(document)).toEqual({ ok: false, problem: 'notSignedIn' });
  });
});
