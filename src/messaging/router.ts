import type { MessageDef, PayloadSchema } from './define.ts';

/** The minimum the router needs from a message sender (runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  tab?: { id?: number; url?: string };
  url?: string;
}

type Handler = (payload: unknown, sender: SenderInfo) => unknown;

/** `{ type, payload }` with a string type, as `messageSender` and `sendToTab` send them. */
function isEnvelope(message: unknown): message is { type: string; payload: unknown } {
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof (message as { type?: unknown }).type === 'string' &&
    'payload' in message
  );
}

/**
 * Receives envelopes, checks the sender is this extension and the payload matches the message's schema,
 * then calls the handler. Anything else is refused with an error the sender can read. It loads no schema
 * library: the content script's router checks with schemas/light.ts, the worker's with valibot.
 */
export class MessageRouter {
  readonly #handlers = new Map<string, { schema: PayloadSchema<unknown>; handle: Handler }>();

  constructor(private readonly ownId: string) {}

  /**
   * Handles one message. `schema` is the message's own, from src/messaging/schemas/ (`<name>Schema`);
   * what it gives must be the definition's payload.
   */
  on<Payload, Response>(
    def: MessageDef<Payload, Response>,
    schema: PayloadSchema<NoInfer<Payload>>,
    handle: (payload: Payload, sender: SenderInfo) => Response | Promise<Response>,
  ): this {
    this.#handlers.set(def.name, { schema, handle: handle as Handler });
    return this;
  }

  /** Returns undefined for messages that are not envelopes, so other listeners may answer them. */
  dispatch(message: unknown, sender: SenderInfo): Promise<unknown> | undefined {
    if (!isEnvelope(message)) return undefined;
    const { type, payload } = message;
    const entry = this.#handlers.get(type);
    if (!entry) return undefined;
    if (sender.id !== this.ownId) return Promise.reject(new Error(`Refused "${type}" from another sender`));
    return Promise.resolve(entry.schema['~standard'].validate(payload)).then((result) => {
      if (!result.issues) return entry.handle(result.value, sender);
      const issue = result.issues[0];
      const where = issue?.path?.map((p) => String(typeof p === 'object' ? p.key : p)).join('.') ?? '';
      throw new Error(`Invalid "${type}" payload${where ? ` at ${where}` : ''}: ${issue?.message}`);
    });
  }
}
