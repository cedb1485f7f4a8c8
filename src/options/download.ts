/** Saves text as a file through a temporary link: no downloads permission needed. */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL is no longer needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** `away-for-x-activity-2026-07-01.csv`, dated in local time. */
export function datedName(prefix: string, extension: string, now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${prefix}-${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}.${extension}`;
}
