import { describe, expect, it } from 'vitest';
import { stableHash } from '../../../src/content/stable-hash.ts';
import { clip } from '../../../src/content/text-limits.ts';

describe('stableHash', () => {
  it('is stable, short and sensitive to every part', () => {
    expect(stableHash('1-2\nhello\nnow')).toBe(stableHash('1-2\nhello\nnow'));
    expect(stableHash('1-2\nhello\nnow')).toMatch(/^[0-9a-z]{1,11}$/);
    expect(stableHash('1-2\nhello\nnow')).not.toBe(stableHash('1-3\nhello\nnow'));
    expect(stableHash('1-2\nhello\nnow')).not.toBe(stableHash('1-2\nhello\n1m'));
  });

  it('has no collisions among many similar previews', () => {
    const hashes = new Set(Array.from({ length: 20_000 }, (_, i) => stableHash(`1-2\nmessage ${i}\nnow`)));
    expect(hashes.size).toBe(20_000);
  });
});

describe('clip', () => {
  it('leaves short text alone and cuts long text to the limit', () => {
    expect(clip('abc', 5)).toBe('abc');
    expect(clip('abcdef', 3)).toBe('abc');
  });

  it('never leaves half of a surrogate pair', () => {
    expect(clip('ab😀', 3)).toBe('ab');
  });
});
