import * as v from 'valibot';
import { MAX_RULES, MAX_TEMPLATES, ruleSchema, templateSchema } from './entity-schema.ts';
import {
  handle,
  handleList,
  instant,
  limitsFields,
  scheduleFields,
  strictTimingSchema,
  topFields,
  urgentWordList,
} from './settings-schema.ts';

/**
 * The settings file, version 1 (docs/settings-format.md). Every object is strict: a key that is not in the
 * format refuses the file, so a typo or a file from a newer version is never half understood.
 * Key order here is the key order of exported files (valibot builds its output in schema order), which is
 * what makes export → import → export byte-identical.
 */
export const FORMAT = 'away-for-x';
export const FORMAT_VERSION = 1;

export const MAX_FILE_BYTES = 1_048_576;
export const MAX_CONTACTS = 5_000;
/** The deepest legitimate value is a keyword: document → rules → rule → trigger → keywords → string. */
export const MAX_DEPTH = 16;

/**
 * The away switch, its end and its start are this browser's state, not preferences: restoring a file must
 * not start (or stop) automatic replies. `autoSendAcknowledged` is left out for the same reason.
 */
const exportedSchedule = v.strictObject({
  useWeekly: scheduleFields.useWeekly,
  weekly: scheduleFields.weekly,
  holidays: scheduleFields.holidays,
  timeZone: scheduleFields.timeZone,
});

export const exportedSettingsSchema = v.strictObject({
  schedule: exportedSchedule,
  limits: v.strictObject(limitsFields),
  timing: strictTimingSchema,
  defaultMode: topFields.defaultMode,
  addAutoReplyLabel: topFields.addAutoReplyLabel,
  answerGroups: topFields.answerGroups,
  answerRequests: topFields.answerRequests,
  allowList: handleList,
  denyList: handleList,
  myName: topFields.myName,
  myHandle: topFields.myHandle,
  uiLocale: topFields.uiLocale,
  // Added after version 1 was published: optional, so files written before them stay valid. The switch
  // itself (`urgentAlerts`) is not in the file: it needs this browser's notifications permission.
  vipList: v.optional(handleList, []),
  urgentWords: v.optional(urgentWordList, []),
});

/** Only what protects people: who asked not to be written to, and whose cooldown is still running. */
export const exportedContactSchema = v.strictObject({
  handle,
  lastRepliedAt: v.nullable(instant),
  silencedAt: v.nullable(instant),
});

const isoInstant = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
  v.check((text) => !Number.isNaN(Date.parse(text))),
);

export const exportDocSchema = v.strictObject({
  format: v.literal(FORMAT),
  version: v.literal(FORMAT_VERSION),
  exportedAt: isoInstant,
  settings: exportedSettingsSchema,
  rules: v.pipe(v.array(ruleSchema), v.maxLength(MAX_RULES)),
  templates: v.pipe(v.array(templateSchema), v.maxLength(MAX_TEMPLATES)),
  contacts: v.pipe(v.array(exportedContactSchema), v.maxLength(MAX_CONTACTS)),
});

export type ExportDoc = v.InferOutput<typeof exportDocSchema>;
export type ExportedSettings = ExportDoc['settings'];
export type ExportedContact = ExportDoc['contacts'][number];
