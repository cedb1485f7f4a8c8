/**
 * Cuts a string to the length the worker's schema accepts (messaging/detection.ts), so one over-long field
 * does not get the whole message refused. Never splits a surrogate pair.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
