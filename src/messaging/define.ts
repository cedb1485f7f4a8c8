import * as v from 'valibot';

/**
 * A typed message between extension contexts: a name, a schema the receiver checks, and the response
 * type. Defining both ends from one object keeps sender and receiver from drifting apart.
 */
export interface MessageDef<Name extends string, Payload, Response> {
  readonly name: Name;
  readonly schema: v.GenericSchema<unknown, Payload>;
  /** Type-only marker for the response; never set at run time. */
  readonly response?: Response;
}

export function defineMessage<Response>() {
  return <Name extends string, Payload>(
    name: Name,
    schema: v.GenericSchema<unknown, Payload>,
  ): MessageDef<Name, Payload, Response> => ({ name, schema });
}

/** What travels on the wire. */
export interface Envelope {
  type: string;
  payload: unknown;
}

export const envelopeSchema = v.object({ type: v.string(), payload: v.unknown() });

/** A typed sender over any untyped `sendMessage` (the polyfill's, or the content script's own runtime). */
export function messageSender(send: (envelope: Envelope) => Promise<unknown>) {
  return <Name extends string, Payload, Response>(
    def: MessageDef<Name, Payload, Response>,
    payload: Payload,
  ): Promise<Response> => send({ type: def.name, payload }) as Promise<Response>;
}
