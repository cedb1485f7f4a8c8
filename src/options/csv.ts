/**
 * CSV for spreadsheets, safe to open: every cell is quoted, quotes are doubled, and a cell that a
 * spreadsheet would run as a formula (= + - @, tab, carriage return; OWASP "CSV injection") gets a
 * leading apostrophe. DM text is written by strangers, so this matters.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** Rows joined with CRLF (RFC 4180), with a BOM so spreadsheet programs read UTF-8 accents right. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
