import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cachedAutoReplyLabels, readAutoReplyLabels } from '../../../src/background/auto-reply-labels.ts';
import { decideAndAct } from '../../../src/background/pipeline.ts';
import { starterTemplatesOf } from '../../../src/core/defaults.ts';
import { LOCALE_CODES } from '../../../src/core/locales.ts';
import { updateSettings } from '../../../src/storage/settings.ts';
import { putTemplate } from '../../../src/storage/templates.ts';
import { freshDb } from '../support/fresh-db.ts';
import { arrive, Clock, dm, ENV, pipelineDeps, setUp } from '../support/sending.ts';

const publicDir = join(import.meta.dirname, '../../../public');
/** What `fetch(runtime.getURL(path))` gives in the built extension: the bundled file. */
const bundled = (path: string) => readFile(join(publicDir, path), 'utf8');

afterEach(() => vi.restoreAllMocks());

describe('reading the labels of every template language', () => {
  it('takes autoReplyLabel from the bundled messages file of every language', async () => {
    const labels = await readAutoReplyLabels(bundled);
    expect(Object.keys(labels).sort()).toEqual([...LOCALE_CODES].sort());
    expect(labels).toMatchObject({ en: '[auto-reply]', fr: '[réponse automatique]' });
  });

  it('leaves out a language whose file is missing or has no label', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const read = async (path: string) => {
      if (path.includes('/fr/')) throw new Error('not found');
      return JSON.stringify({ autoReplyLabel: { message: '  ' } });
    };
    expect(await readAutoReplyLabels(read)).toEqual({});
  });

  it('reads once per worker while complete, again after a read that found nothing', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let failing = true;
    const read = vi.fn(async (path: string) => {
      if (failing) throw new Error('not yet');
      return bundled(path);
    });
    const labels = cachedAutoReplyLabels(read);
    expect(await labels()).toEqual({});
    failing = false;
    expect(await labels()).toMatchObject({ en: '[auto-reply]', fr: '[réponse automatique]' });
    const calls = read.mock.calls.length;
    await labels();
    await labels();
    expect(read.mock.calls.length).toBe(calls);
  });
});

describe('pipeline: the reply carries its template’s label', () => {
  it('a French template’s job ends with the French label; the other language’s label is recognised', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    await updateSettings(db, ENV, (s) => ({ ...s, addAutoReplyLabel: true }));
    // A profile seeded in French has it; this one was seeded in English.
    expect((await putTemplate(db, starterTemplatesOf('fr')[0]!)).ok).toBe(true);
    await db.rules.toCollection().modify({ templateId: 'away-fr' });
    const deps = pipelineDeps(db, clock, { autoReplyLabels: cachedAutoReplyLabels(bundled) });

    await decideAndAct(deps, await arrive(db, dm(clock, 'alice')));
    const [job] = await db.jobs.toArray();
    expect(job!.text).toMatch(/ \[réponse automatique\]$/);

    // Now answering in English, facing an instance that answers in French: its label is known too.
    await db.rules.toCollection().modify({ templateId: 'away-en' });
    clock.advance(60_000);
    const echo = await arrive(db, dm(clock, 'bob', { text: 'Merci, à bientôt. [réponse automatique]' }));
    expect(await decideAndAct(deps, echo)).toMatchObject({ reason: 'looksAutomatic', detail: 'label' });
  });
});
