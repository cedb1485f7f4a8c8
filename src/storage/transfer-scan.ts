import { fail, type Outcome, pointer } from './problems.ts';
import { MAX_DEPTH, MAX_FILE_BYTES } from './transfer-schema.ts';

/**
 * Keys that mean someone is trying prototype pollution. JSON.parse makes them harmless own properties,
 * but no legitimate file has them, and refusing them by name tells the user what is wrong with the file.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function utf8Bytes(text: string): number {
  // A UTF-16 code unit is never more than its UTF-8 bytes, so a long string is refused without encoding.
  if (text.length > MAX_FILE_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

interface Pending {
  value: unknown;
  path: (string | number)[];
}

/**
 * Size, syntax and structure before any schema sees the value: at most 1 MB, valid JSON, at most
 * MAX_DEPTH levels, no forbidden key. The walk uses its own stack, so a file nested 500,000 levels deep
 * cannot overflow the call stack; problems are reported in document order.
 */
export function scanJson(text: unknown): Outcome<unknown> {
  if (typeof text !== 'string') return fail('notJson');
  if (utf8Bytes(text) > MAX_FILE_BYTES) return fail('tooLarge');
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return fail('notJson');
  }
  const stack: Pending[] = [{ value: root, path: [] }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value, path } = next;
    const last = path.at(-1);
    if (typeof last === 'string' && FORBIDDEN_KEYS.has(last)) return fail('forbiddenKey', pointer(path));
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= MAX_DEPTH) return fail('tooDeep', pointer(path));
    const children: Pending[] = Array.isArray(value)
      ? value.map((item, index) => ({ value: item, path: [...path, index] }))
      : Object.keys(value).map((key) => ({
          value: (value as Record<string, unknown>)[key],
          path: [...path, key],
        }));
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return { ok: true, value: root };
}
