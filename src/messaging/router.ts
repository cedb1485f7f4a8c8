import * as v from 'valibot';
import type { Envelope, MessageDef } from './define.ts';

/** The minimum the router needs from a message sender (runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  tab?: { id?: number; url?: string };
  url?: string;
}

type Handler = (payload: unknown, sender: SenderInfo) => unknown;

const envelopeSchema = v.object({ type: v.string(), payload: v.unknown() });

/**
 * Receives envelopes, checks the sender is this extension and the payload matches the message's schema,
 * then calls the handler. Anything else is refused with an error the sender can read.
 */
export class MessageRouter {
  readonly #handlers = new Map<string, { schema: v.GenericSchema; handle: Handler }>();

  constructor(private readonly ownId: string) {}

  /**
   * Handles one message. `schema` is the message's own, from src/messaging/schemas/ (`<name>Schema`);
   * its output must be the definition's payload.
   */
  on<Payload, Response>(
    def: MessageDef<Payload, Response>,
    schema: v.GenericSchema<unknown, NoInfer<Payload>>,
    handle: (payload: Payload, sender: SenderInfo) => Response | Promise<Response>,
  ): this {
    this.#handlers.set(def.name, { schema, handle: handle as Handler });
    return this;
  }

  /** Returns undefined for messages that are not envelopes, so other listeners may answer them. */
  dispatch(message: unknown, sender: SenderInfo): Promise<unknown> | undefined {
    const envelope = v.safeParse(envelopeSchema, message);
    if (!envelope.success) return undefined;
    const { type, payload } = envelope.output as Envelope;
    const entry = this.#handlers.get(type);
    if (!entry) return undefined;
    if (sender.id !== this.ownId) return Promise.reject(new Error(`Refused "${type}" from another sender`));
    const parsed = v.safeParse(entry.schema, payload);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const where = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
      return Promise.reject(
        new Error(`Invalid "${type}" payload${where ? ` at ${where}` : ''}: ${issue?.message}`),
      );
    }
    return Promise.resolve().then(() => entry.handle(parsed.output, sender));
  }
}
