import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pngSize } from '../../../scripts/png-size.ts';

// The store texts and images in docs/store/<locale>/ (see docs/store/README.md).

const ROOT = join(import.meta.dirname, '../../..');
const STORE = join(ROOT, 'docs/store');
const LOCALES_DIR = join(ROOT, 'public/_locales');
/** Every language the extension ships or is being translated into. */
const LISTED = ['en', 'fr', 'es', 'pt_BR', 'de', 'ja', 'ar'];
/** The Chrome Web Store's limit for the summary, which it takes from the manifest's description. */
const SHORT_MAX = 132;

interface Listing {
  name: string;
  shortDescription: string;
  body: string;
}

/** listing.md: `name` and `short_description` in a front matter, then the full description. */
function parseListing(text: string): Listing {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error('listing.md must start with a --- front matter ---');
  const fields = new Map(
    (match[1] ?? '').split('\n').map((line) => {
      const at = line.indexOf(':');
      return [line.slice(0, at).trim(), line.slice(at + 1).trim()] as const;
    }),
  );
  return {
    name: fields.get('name') ?? '',
    shortDescription: fields.get('short_description') ?? '',
    body: (match[2] ?? '').trim(),
  };
}

type Messages = Record<string, { message: string }>;
const messagesOf = (locale: string): Messages | null => {
  const path = join(LOCALES_DIR, locale, 'messages.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Messages) : null;
};
const english = messagesOf('en')!;

describe('store listings', () => {
  it('exist for every language the extension ships', () => {
    const shipped = readdirSync(LOCALES_DIR);
    expect(shipped).toEqual(expect.arrayContaining(['en', 'fr']));
    expect(shipped.filter((locale) => !LISTED.includes(locale))).toEqual([]);
  });

  describe.each(LISTED)('%s', (locale) => {
    const path = join(STORE, locale, 'listing.md');
    const listing = () => parseListing(readFileSync(path, 'utf8'));
    const messages = messagesOf(locale);

    it('has a listing.md whose name is the extension’s', () => {
      expect(existsSync(path), path).toBe(true);
      expect(listing().name).toBe('Away for X');
      expect(listing().name).toBe((messages ?? english).extName?.message);
    });

    it(`has a short description of at most ${SHORT_MAX} characters, the manifest's description where it ships`, () => {
      const short = listing().shortDescription;
      expect(short.length).toBeGreaterThan(20);
      expect([...short].length).toBeLessThanOrEqual(SHORT_MAX);
      // Chrome shows the manifest's description as the summary: both texts must be one.
      if (messages) expect(short).toBe(messages.extDescription?.message);
    });

    it('says what it does and does not do, the auto-send risk and the privacy, in four sections', () => {
      const { body } = listing();
      expect(body.match(/^## /gm)).toHaveLength(4);
      // Words every translation keeps as they are: the hosts it runs on, the stop words, the licence.
      for (const word of ['x.com', 'chat.x.com', 'stop', 'MIT', 'X Corp.']) expect(body).toContain(word);
      expect(body.length).toBeGreaterThan(1000);
    });
  });
});

describe('store screenshots', () => {
  const shots = readdirSync(STORE, { recursive: true, encoding: 'utf8' }).filter((name) =>
    name.endsWith('.png'),
  );

  it('are 1280×800, every one', () => {
    const wrong = shots
      .map((name) => ({ name, ...pngSize(readFileSync(join(STORE, name))) }))
      .filter((shot) => shot.width !== 1280 || shot.height !== 800);
    expect(wrong).toEqual([]);
  });

  it.each(['en', 'fr'])(
    'exist in %s: popup beside X, options, and X with the extension at work',
    (locale) => {
      expect(shots.filter((name) => name.startsWith(`${locale}/`)).sort()).toEqual(
        [1, 2, 3].map((n) => `${locale}/screenshot-${n}.png`),
      );
    },
  );

  it('the size check reads real headers', () => {
    const png = Buffer.alloc(24);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png);
    png.write('IHDR', 12, 'latin1');
    png.writeUInt32BE(640, 16);
    png.writeUInt32BE(400, 20);
    expect(pngSize(png)).toEqual({ width: 640, height: 400 });
    expect(() => pngSize(Buffer.from('GIF89a-not-a-png-at-all'))).toThrow('not a PNG');
  });
});
