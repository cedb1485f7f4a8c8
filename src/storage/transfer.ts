import type { Contact, Settings } from '../core/types.ts';
import type { AwayDb } from './db.ts';
import { mergeContacts, mergeImported } from './people.ts';
import { fail, type Outcome, type Problem } from './problems.ts';
import { listRules } from './rules.ts';
import { type Environment, getSettings, putSettings } from './settings.ts';
import { listTemplates } from './templates.ts';
import { parseExport } from './transfer-check.ts';
import { diffImport, type ImportChange, importedSettings } from './transfer-diff.ts';
import {
  type ExportDoc,
  type ExportedContact,
  FORMAT,
  FORMAT_VERSION,
  MAX_CONTACTS,
} from './transfer-schema.ts';

/** `now` is injected: it dates the file and decides which cooldowns still run. */
export interface TransferEnvironment extends Environment {
  now: number;
}

export interface ImportSummary {
  rules: number;
  templates: number;
  contacts: number;
}

function exportedSettings(settings: Settings): ExportDoc['settings'] {
  const { awayEnabled, awayUntil, awaySince, ...schedule } = settings.schedule;
  const { autoSendAcknowledged, urgentAlerts, schedule: _, ...rest } = settings;
  return { ...rest, schedule };
}

/**
 * Contacts worth carrying to another browser: silenced ones, and those still inside their cooldown. The
 * rest is only a name and a first sighting, which the other browser learns again by itself. Past
 * MAX_CONTACTS (far above what the caps allow within a cooldown), silences win, then the latest replies.
 */
/** What X allows in a handle; anything else came from a page X does not render today and cannot be written to. */
const HANDLE = /^[a-z0-9_]{1,50}$/;

function exportedContacts(stored: Contact[], settings: Settings, now: number): ExportedContact[] {
  const cooldownFrom = now - settings.limits.contactCooldownMs;
  // The file names people by handle (what the user can read and type); its ids are this browser's
  // knowledge. Two rows showing one handle (an id and a handle seen apart) go out as one, most protective.
  const byHandle = new Map<string, Contact>();
  for (const c of stored) byHandle.set(c.handle, mergeContacts(c, byHandle.get(c.handle)));
  const contacts = [...byHandle.values()];
  const kept = contacts.filter(
    (c) =>
      HANDLE.test(c.handle) &&
      (c.silencedAt !== null || (c.lastRepliedAt !== null && c.lastRepliedAt > cooldownFrom)),
  );
  const rank = (c: Contact) => (c.silencedAt !== null ? Number.MAX_SAFE_INTEGER : (c.lastRepliedAt ?? 0));
  const bounded =
    kept.length > MAX_CONTACTS ? kept.sort((a, b) => rank(b) - rank(a)).slice(0, MAX_CONTACTS) : kept;
  return bounded
    .map((c) => ({ handle: c.handle, lastRepliedAt: c.lastRepliedAt, silencedAt: c.silencedAt }))
    .sort((a, b) => (a.handle < b.handle ? -1 : a.handle > b.handle ? 1 : 0));
}

/**
 * The settings file as text (docs/settings-format.md). It is checked with the import's own parser before
 * it is returned, so an export is always importable; a problem (e.g. over 1 MB) is returned instead.
 */
export async function exportAll(db: AwayDb, env: TransferEnvironment): Promise<Outcome<string>> {
  const [settings, rules, templates, contacts] = await db.transaction(
    'r',
    [db.settings, db.rules, db.templates, db.people],
    () => Promise.all([getSettings(db, env), listRules(db), listTemplates(db), db.people.toArray()]),
  );
  const candidate = {
    format: FORMAT,
    version: FORMAT_VERSION,
    exportedAt: new Date(env.now).toISOString(),
    settings: exportedSettings(settings),
    rules,
    templates,
    contacts: exportedContacts(contacts, settings, env.now),
  };
  // Parsing the candidate's JSON rebuilds every object in schema key order: the file's order is stable.
  const parsed = parseExport(JSON.stringify(candidate));
  if (!parsed.ok) return parsed;
  const text = `${JSON.stringify(parsed.value, null, 2)}\n`;
  // Indentation adds bytes: check the text as written, so that what was exported can be imported.
  const written = parseExport(text);
  return written.ok ? { ok: true, value: text } : written;
}

/**
 * What importing `text` would change, without changing anything: the options page shows it and imports
 * only once the user confirms. A file that import would refuse gives the same problem here.
 */
export async function previewImport(
  db: AwayDb,
  text: string,
  env: TransferEnvironment,
): Promise<Outcome<ImportChange[]>> {
  try {
    const parsed = parseExport(text);
    if (!parsed.ok) return parsed;
    const current = await db.transaction('r', [db.settings, db.rules, db.templates], async () => ({
      settings: await getSettings(db, env),
      rules: await listRules(db),
      templates: await listTemplates(db),
    }));
    return { ok: true, value: diffImport(current, parsed.value) };
  } catch {
    return fail('storageFailed');
  }
}

class Refused extends Error {
  constructor(readonly problem: Problem) {
    super(problem.code);
  }
}

/**
 * Replaces settings, rules and templates with the file's and merges its contacts, all in one transaction:
 * on any problem nothing that was stored changes. Never throws; a failure is a Problem.
 */
export async function importAll(
  db: AwayDb,
  text: string,
  env: TransferEnvironment,
): Promise<Outcome<ImportSummary>> {
  try {
    const parsed = parseExport(text);
    if (!parsed.ok) return parsed;
    const doc = parsed.value;
    await db.transaction('rw', [db.settings, db.rules, db.templates, db.people], async () => {
      const stored = await putSettings(db, importedSettings(doc.settings, await getSettings(db, env)));
      if (!stored.ok) throw new Refused({ ...stored.problem, path: `/settings${stored.problem.path}` });
      await db.rules.clear();
      await db.rules.bulkAdd(doc.rules);
      await db.templates.clear();
      await db.templates.bulkAdd(doc.templates.map((template, position) => ({ ...template, position })));
      for (const contact of doc.contacts) await mergeImported(db, contact, env.now);
    });
    return {
      ok: true,
      value: { rules: doc.rules.length, templates: doc.templates.length, contacts: doc.contacts.length },
    };
  } catch (error) {
    return error instanceof Refused ? { ok: false, problem: error.problem } : fail('storageFailed');
  }
}
