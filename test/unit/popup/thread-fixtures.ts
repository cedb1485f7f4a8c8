import { DEFAULT_SETTINGS } from '../../../src/core/defaults.ts';
import type { Settings, Template } from '../../../src/core/types.ts';

// The open conversation and the quick replies the popup tests render against.

export const NOW = Date.UTC(2026, 6, 1, 12);
export const settings: Settings = { ...structuredClone(DEFAULT_SETTINGS), myName: 'Sam' };
export const thread = {
  threadId: '100-200',
  threadKind: 'direct' as const,
  contactHandle: 'alice',
  contactName: 'Alice Martin',
  contactId: '200',
};

export const template = (id: string, name: string, body: string, quickReply = true): Template => ({
  id,
  name,
  body,
  locale: 'en',
  quickReply,
});
