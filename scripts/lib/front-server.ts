import { Agent, createServer, request, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import type { FixtureServer } from './fixture-server';

export interface FrontServer {
  port: number;
  close(): Promise<void>;
}

/**
 * HTTPS on 127.0.0.1 for every host name, for browsers whose every host maps here: requests for
 * `host` are answered by `serve`, everything else is relayed to the fixture server (the demo site
 * on its own host names, real tracker host names answered at once). Used by the page-cost bench
 * and the heavy-pages soak, which serve pages of their own beside the fixture site.
 */
export async function startFrontServer(fixtures: FixtureServer, host: string, serve: (req: IncomingMessage, res: ServerResponse) => void): Promise<FrontServer> {
  const pems = await generate([{ name: 'commonName', value: host }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - 24 * 3600 * 1000),
    notAfterDate: new Date(Date.now() + 24 * 3600 * 1000),
  });
  const agent = new Agent({ keepAlive: true, rejectUnauthorized: false });
  const server: Server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const asked = (req.headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
    if (asked === host) {
      serve(req, res);
      return;
    }
    const upstream = request(
      { host: '127.0.0.1', port: fixtures.port, method: req.method, path: req.url, headers: req.headers, agent, servername: asked || undefined },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    });
    req.pipe(upstream);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  server.keepAliveTimeout = 2000;
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
