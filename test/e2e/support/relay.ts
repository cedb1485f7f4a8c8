import type { SentRecord } from '../../fixtures/fake-x/src/api.ts';
import type { RemoteFakeX } from './session-types.ts';

/** One account's fake X, as the relay sees it. */
export interface RelayEnd {
  name: string;
  fakeX: RemoteFakeX;
}

export interface Forwarded {
  from: string;
  to: string;
  thread: string;
  text: string;
  at: number;
}

/**
 * Joins two fake X accounts into one conversation, inside the test process: what one account sends (once
 * X confirmed it) is received by the other, in the thread with the same id (both seeds use the same two
 * user ids, so the 1:1 thread id is the same on both sides). Nothing goes over any network.
 */
export class Relay {
  readonly forwarded: Forwarded[] = [];
  readonly #seen = new Set<string>();
  #timer: ReturnType<typeof setTimeout> | null = null;
  #running: Promise<void> = Promise.resolve();
  #stopped = false;

  private constructor(
    private readonly a: RelayEnd,
    private readonly b: RelayEnd,
    private readonly intervalMs: number,
  ) {}

  /** Starts relaying; messages already sent on either side (history) are not forwarded. */
  static async start(a: RelayEnd, b: RelayEnd, intervalMs = 100): Promise<Relay> {
    const relay = new Relay(a, b, intervalMs);
    for (const record of [...(await a.fakeX.sent()), ...(await b.fakeX.sent())]) relay.#seen.add(record.id);
    relay.#schedule();
    return relay;
  }

  /** Time of the last forward, or null when nothing was forwarded yet. */
  get lastForwardAt(): number | null {
    return this.forwarded.at(-1)?.at ?? null;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#running;
  }

  #schedule(): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#running = this.#pump()
        .catch((error: unknown) => console.warn('relay:', error))
        .finally(() => this.#schedule());
    }, this.intervalMs);
  }

  async #pump(): Promise<void> {
    await this.#forward(this.a, this.b);
    await this.#forward(this.b, this.a);
  }

  async #forward(from: RelayEnd, to: RelayEnd): Promise<void> {
    const fresh = (await from.fakeX.sent()).filter(
      (m: SentRecord) => m.status === 'sent' && !this.#seen.has(m.id),
    );
    for (const message of fresh) {
      this.#seen.add(message.id);
      const id = await to.fakeX.receive({ thread: message.thread, text: message.text });
      this.#seen.add(id);
      this.forwarded.push({
        from: from.name,
        to: to.name,
        thread: message.thread,
        text: message.text,
        at: Date.now(),
      });
    }
  }
}
