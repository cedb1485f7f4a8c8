import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSeed } from './support/fake-x-seed.ts';
import { classify, proxySource } from './support/network-policy.ts';
import { openSession, type Session } from './support/session.ts';

// Nothing leaves the machine: the harness serves x.com, lets loopback through and blocks and records the rest.
let s: Session;

beforeAll(async () => {
  s = await openSession({ browser: 'chromium', extension: false, state: sampleSeed() });
});
afterAll(async () => {
  await s?.close();
});

describe('network fence', () => {
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    server = createServer((_req, res) =>
      res.writeHead(200, { 'access-control-allow-origin': '*' }).end('local ok'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => {
    // The browser keeps its connection alive; close it or close() waits for it.
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('blocks and records every non-loopback request, lets loopback through', async () => {
    expect(s.externalRequests()).toEqual([]);
    const results = await s.page.evaluate(async () => {
      const tryFetch = (url: string) =>
        fetch(url).then(
          (r) => r.text(),
          () => 'blocked',
        );
      const img = new Image();
      img.src = 'https://tracker.example/pixel.png';
      await new Promise((r) => {
        img.onerror = r;
        img.onload = r;
      });
      return { remote: await tryFetch('https://example.com/') };
    }, undefined);
    expect(results).toEqual({ remote: 'blocked' });
    // Loopback is reachable (a page on x.com may not fetch it: Chromium's local network access rules).
    const local = await s.newTab(`http://127.0.0.1:${port}/`);
    try {
      expect(await local.evaluate(() => document.body.textContent, undefined)).toBe('local ok');
    } finally {
      await local.close();
    }
    expect(s.externalRequests().map((r) => r.url)).toEqual([
      'https://tracker.example/pixel.png',
      'https://example.com/',
    ]);
  });

  it('classifies URLs and proxy hosts', () => {
    expect(classify('https://x.com/i/chat')).toBe('fake-x');
    expect(classify('http://localhost:5173/')).toBe('local');
    expect(classify('chrome-extension://abc/popup.html')).toBe('local');
    expect(classify('https://x.com.evil.example/')).toBe('external');
    expect(classify('http://x.com/')).toBe('external');
    expect(proxySource('update.googleapis.com:443')).toBe('browser');
    expect(proxySource('api.example.com:443')).toBe('proxy');
  });
});
