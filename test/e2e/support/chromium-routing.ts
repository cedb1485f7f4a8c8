import type { BrowserContext } from 'playwright-core';
import type { FakeXConfig } from '../../fixtures/fake-x/src/api.ts';
import { fakeXReply } from './fake-x-server.ts';
import { classify, type Disposition, type ExternalRequest } from './network-policy.ts';

export interface RoutingPolicy {
  /** Read at every request, so changing it in place changes the next page loads. Without it, x.com is refused. */
  fakeX?: Partial<FakeXConfig>;
  /** Default: the shared network policy (fake x.com, loopback and the browser's own schemes). */
  classify?: (url: string) => Disposition;
  /** Where refused requests are recorded, if anywhere. */
  external?: ExternalRequest[];
}

/**
 * Serves https://x.com from the fake client, lets local requests through and refuses the rest, for every
 * page of the context (content scripts and extension pages included).
 */
export async function routeRequests(context: BrowserContext, policy: RoutingPolicy): Promise<void> {
  const disposition = policy.classify ?? classify;
  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = request.url();
    try {
      const kind = disposition(url);
      if (kind === 'fake-x' && policy.fakeX) {
        const reply = fakeXReply(url, request.isNavigationRequest(), policy.fakeX);
        await route.fulfill({ status: reply.status, contentType: reply.contentType, body: reply.body });
      } else if (kind === 'local') await route.continue();
      else {
        policy.external?.push({ url, source: 'page' });
        await route.abort('blockedbyclient');
      }
    } catch {
      // The browser closed with the request in flight: not a test failure.
    }
  });
}
