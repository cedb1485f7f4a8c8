/** Handles as X allows them: letters, digits, underscore, up to 50 here (X itself stops at 15). */
const HANDLE = /^[a-z0-9_]{1,50}$/;

export interface ParsedHandles {
  handles: string[];
  /** Lines that are not handles, as typed, for the error message. */
  invalid: string[];
}

/**
 * One handle per line (or separated by commas or spaces), with or without @, any case, pasted profile
 * URLs included: the list is stored lower case, without duplicates, in the order typed.
 */
export function parseHandles(text: string): ParsedHandles {
  const handles: string[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[\s,;]+/u)) {
    if (!raw) continue;
    const fromUrl = /^https?:\/\/(?:www\.)?(?:x|twitter)\.com\/([^/?#]+)/i.exec(raw)?.[1];
    const handle = (fromUrl ?? raw).replace(/^@/, '').toLowerCase();
    if (!HANDLE.test(handle)) invalid.push(raw);
    else if (!handles.includes(handle)) handles.push(handle);
  }
  return { handles, invalid };
}

export const formatHandles = (handles: readonly string[]) => handles.map((h) => `@${h}`).join('\n');
