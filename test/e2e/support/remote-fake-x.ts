import type { RemoteFakeX } from './session-types.ts';

type Evaluate = <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => Promise<R>;

/**
 * A typed stand-in for `window.fakeX` on the Node side. Each call waits (briefly) for the page's module
 * to define `window.fakeX`, then calls the method there with JSON-serialisable arguments.
 */
export function remoteFakeX(evaluate: Evaluate): RemoteFakeX {
  const call = (method: string, args: unknown[]) =>
    evaluate(
      async ([name, callArgs]: [string, unknown[]]) => {
        const page = window as unknown as { fakeX?: Record<string, unknown> };
        for (let i = 0; i < 400 && !page.fakeX; i++) await new Promise((r) => setTimeout(r, 25));
        const api = page.fakeX;
        if (!api) throw new Error('window.fakeX is not defined: is this page the fake X?');
        const member = api[name];
        return typeof member === 'function' ? member.apply(api, callArgs) : member;
      },
      [method, args] as [string, unknown[]],
    );
  return new Proxy({} as RemoteFakeX, {
    get: (_target, name) => {
      if (typeof name !== 'string' || name === 'then') return undefined;
      return (...args: unknown[]) => call(name, args);
    },
  });
}
