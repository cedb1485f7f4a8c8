import * as v from 'valibot';
import type { KeyValueArea } from './detection.ts';

/** A DM to decide again later: a limit that expires by itself (the minimum gap) held it back. */
export interface Retry {
  threadId: string;
  messageId: string;
  retryAt: number;
}

const PREFIX = 'retry:';
const retrySchema = v.object({ threadId: v.string(), messageId: v.string(), retryAt: v.number() });

/**
 * Kept in extension storage, not in memory: the worker may be stopped before the retry time, and the
 * wake-up must still know what to decide again. The DM itself stays in the database (`incoming`).
 */
export class RetryStore {
  constructor(private readonly area: KeyValueArea) {}

  #key(threadId: string, messageId: string): string {
    return `${PREFIX}${threadId}/${messageId}`;
  }

  async put(retry: Retry): Promise<void> {
    await this.area.set({ [this.#key(retry.threadId, retry.messageId)]: retry });
  }

  async remove(retry: Pick<Retry, 'threadId' | 'messageId'>): Promise<void> {
    await this.area.remove(this.#key(retry.threadId, retry.messageId));
  }

  /** Every stored retry, soonest first; malformed entries (an older shape) are ignored. */
  async list(): Promise<Retry[]> {
    const items = await this.area.get(null);
    const out: Retry[] = [];
    for (const [key, value] of Object.entries(items)) {
      if (!key.startsWith(PREFIX)) continue;
      const parsed = v.safeParse(retrySchema, value);
      if (parsed.success) out.push(parsed.output);
    }
    return out.sort((a, b) => a.retryAt - b.retryAt);
  }
}
