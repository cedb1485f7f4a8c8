import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ExternalRequest, proxySource } from './network-policy.ts';

/**
 * A loopback HTTP proxy that forwards nothing: it records every request that reaches it and refuses it.
 * The browsers are pointed at it, so requests that request routing cannot see (an extension's service
 * worker, the browser itself) still never leave the machine and still show up in the log.
 */
export class RecordingProxy {
  readonly #server: Server;

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(log: ExternalRequest[]): Promise<RecordingProxy> {
    const server = createServer((req, res) => {
      const url = req.url ?? '';
      log.push({ url, source: proxySource(URL.parse(url)?.host ?? '') });
      res.writeHead(403).end();
    });
    server.on('connect', (req, socket) => {
      log.push({ url: `https://${req.url ?? ''}/`, source: proxySource(req.url ?? '') });
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new RecordingProxy(server);
  }

  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}
