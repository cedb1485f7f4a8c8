/**
 * X's inbox shows the start of the last message of each conversation. The content script may see that
 * preview (stored as messageId `inbox:<hash>`) before the thread is opened and the real row (with its uuid)
 * appears, or after. Both sightings are one message and must be answered at most once.
 *
 * The rule: an inbox preview and a thread message are the same message when
 * - they are in the same thread, both written by the other person (both are incoming DMs),
 * - they were detected at most PREVIEW_WINDOW_MS apart (either order), and
 * - the thread text, whitespace-collapsed, starts with the preview text, whitespace-collapsed, once a
 *   trailing ellipsis ("…" or "...") is removed — X cuts long previews and may or may not add one.
 * An empty preview (a photo, a sticker) only matches an empty thread text.
 *
 * The latest-message rule, for a preview seen later than that: X's inbox always previews a conversation's
 * newest message, and its id changes as the relative time next to it does ("2m", "1h"). So a preview that
 * matches the newest message already stored for the thread (a thread row as above, or an earlier preview
 * with the same text) is that message again, however long ago it was stored. The price: a person who sends
 * the very same text twice in a row, seen through the inbox, gets no second reply, which is the safe side.
 *
 * The late-row rule, for a thread row seen later than the window (a background tab that X brought up to
 * date long after the inbox showed the message, a laptop woken from sleep): one message is one message,
 * however late. A thread row matches a preview of its thread that no thread row has matched yet, at any
 * distance in time, when the texts are the same, or when the row starts with the preview and the preview
 * is long enough (LATE_MIN_STEM characters) to name one message. The price: someone whose new message
 * starts with an old preview that was never matched gets no second reply, again the safe side.
 */
export const PREVIEW_WINDOW_MS = 10 * 60_000;

/** A preview at least this long, once whitespace is collapsed, is specific enough to match a late row. */
export const LATE_MIN_STEM = 20;

export const INBOX_ID_PREFIX = 'inbox:';

export function isInboxId(messageId: string): boolean {
  return messageId.startsWith(INBOX_ID_PREFIX);
}

function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** The preview's text as the thread's text will start. */
export function previewStem(preview: string): string {
  return collapse(collapse(preview).replace(/(?:…|\.\.\.)$/u, ''));
}

export function previewMatches(preview: string, fullText: string): boolean {
  const stem = previewStem(preview);
  const full = collapse(fullText);
  return stem === '' ? full === '' : full.startsWith(stem);
}

/** The latest-message rule: does this preview show `latest`, the thread's newest stored message? */
export function previewShowsLatest(preview: string, latest: { messageId: string; text: string }): boolean {
  return isInboxId(latest.messageId)
    ? previewStem(preview) === previewStem(latest.text)
    : previewMatches(preview, latest.text);
}

interface Sighting {
  messageId: string;
  text: string;
  detectedAt: number;
}

/**
 * Among earlier sightings of the other kind, the one this sighting duplicates, if any. When several fit
 * (two messages starting alike), the longest preview is the most specific, then the closest in time.
 */
export function findDuplicate<S extends Sighting>(
  sighting: Sighting,
  candidates: readonly S[],
): S | undefined {
  const fromInbox = isInboxId(sighting.messageId);
  let best: S | undefined;
  let bestScore: [number, number] = [-1, 0];
  for (const candidate of candidates) {
    if (isInboxId(candidate.messageId) === fromInbox) continue;
    const gap = Math.abs(candidate.detectedAt - sighting.detectedAt);
    if (gap > PREVIEW_WINDOW_MS) continue;
    const [preview, full] = fromInbox ? [sighting.text, candidate.text] : [candidate.text, sighting.text];
    if (!previewMatches(preview, full)) continue;
    const length = previewStem(preview).length;
    if (length > bestScore[0] || (length === bestScore[0] && gap < bestScore[1])) {
      best = candidate;
      bestScore = [length, gap];
    }
  }
  return best;
}

/**
 * The late-row rule: among previews no thread row has matched yet, the one this thread row is, however
 * late. Same text, or a long enough start of it; the longest preview wins, then the closest in time.
 */
export function findLatePreview<S extends Sighting>(row: Sighting, previews: readonly S[]): S | undefined {
  const full = collapse(row.text);
  let best: S | undefined;
  let bestScore: [number, number] = [-1, 0];
  for (const preview of previews) {
    if (!isInboxId(preview.messageId)) continue;
    const stem = previewStem(preview.text);
    const fits = stem === full || (stem.length >= LATE_MIN_STEM && full.startsWith(stem));
    if (!fits) continue;
    const gap = Math.abs(preview.detectedAt - row.detectedAt);
    if (stem.length > bestScore[0] || (stem.length === bestScore[0] && gap < bestScore[1])) {
      best = preview;
      bestScore = [stem.length, gap];
    }
  }
  return best;
}
