/**
 * A typed message between extension contexts: its name on the wire and, as types only, its payload and
 * its response. Defining both ends from one object keeps sender and receiver from drifting apart.
 *
 * The schema the receiver checks lives apart, in src/messaging/schemas/, and the payload type is inferred
 * from it there: a context that only sends a message then loads none of its validation (the content
 * script goes into every X page). The receiver hands the schema to `MessageRouter.on`, which checks that
 * it fits this definition.
 */
export interface MessageDef<Payload, Response> {
  readonly name: string;
  /** Type-only markers; never set at run time. */
  readonly payload?: Payload;
  readonly response?: Response;
}

// Pure, so a bundle drops the definitions it does not use.
/*#__NO_SIDE_EFFECTS__*/
export function defineMessage<Payload, Response>(name: string): MessageDef<Payload, Response> {
  return { name };
}

/**
 * What a receiver checks a payload with: a Standard Schema (https://standardschema.dev), the interface
 * valibot's schemas and those of schemas/light.ts both have. Only the part the router uses.
 */
export interface PayloadSchema<Output> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => PayloadResult<Output> | Promise<PayloadResult<Output>>;
    /** Type-only: what a successful check gives. */
    readonly types?: { readonly output: Output } | undefined;
  };
}

export type PayloadResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | {
      readonly issues: readonly {
        readonly message: string;
        readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined;
      }[];
    };

/** What a payload schema gives (`v.InferOutput` for valibot's). */
export type PayloadOf<Schema extends PayloadSchema<unknown>> =
  Schema extends PayloadSchema<infer Output> ? Output : never;

/** What travels on the wire. */
export interface Envelope {
  type: string;
  payload: unknown;
}

/** A typed sender over any untyped `sendMessage` (the polyfill's, or the content script's own runtime). */
export function messageSender(send: (envelope: Envelope) => Promise<unknown>) {
  return <Payload, Response>(def: MessageDef<Payload, Response>, payload: Payload): Promise<Response> =>
    send({ type: def.name, payload }) as Promise<Response>;
}
