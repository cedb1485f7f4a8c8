import { openChromium } from './chromium.ts';
import { openFirefox } from './firefox.ts';
import type { ExternalRequest } from './network-policy.ts';
import { RecordingProxy } from './recording-proxy.ts';
import type { OpenSessionOptions, ResolvedOptions, Session } from './session-types.ts';

export type { OpenSessionOptions, RemoteFakeX, Session, SessionPage } from './session-types.ts';

/**
 * One browser (Chromium or Firefox) with the fake X open, optionally with the built extension. The same
 * scenario can run in both browsers through this one interface. Always `close()` it (in afterAll).
 */
export async function openSession(options: OpenSessionOptions = {}): Promise<Session> {
  const externalLog: ExternalRequest[] = [];
  const proxy = await RecordingProxy.start(externalLog);
  const variant = options.variant ?? 'shadow';
  const resolved: ResolvedOptions = {
    variant,
    extension: options.extension ?? true,
    extensionPath: options.extensionPath ?? null,
    fakeXConfig: { ...options.config, variant, seed: options.state ?? null },
    path: options.path ?? '/i/chat',
    headless: options.headless ?? true,
    welcome: options.welcome ?? 'close',
    proxyPort: proxy.port,
    externalLog,
  };
  let session: Session;
  try {
    session = await (options.browser === 'firefox' ? openFirefox(resolved) : openChromium(resolved));
  } catch (error) {
    await proxy.close();
    throw error;
  }
  if (options.waitForChat ?? true) {
    try {
      await session.fakeX.ready().then(async (ready) => {
        if (!ready)
          await session.page.waitFor(
            () => (window as unknown as { fakeX?: { ready(): boolean } }).fakeX?.ready(),
            undefined,
          );
      });
    } catch (error) {
      await session.close();
      await proxy.close();
      throw error;
    }
  }
  const close = session.close;
  return {
    ...session,
    close: async () => {
      try {
        await close();
      } finally {
        await proxy.close();
      }
    },
  };
}
