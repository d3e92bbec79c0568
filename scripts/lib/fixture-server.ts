/**
 * Local HTTPS fixture site on REAL tracker host names (see ARCHITECTURE.md, "Real tracker
 * hostnames, served locally"). One `https.createServer` answers for every host name:
 *
 * - a host with a directory under `tests/fixtures/site/<host>/` serves its files (`/` and
 *   directories → `index.html`; a missing file is a 404, so a typo in a fixture shows);
 * - any other host is a tracker endpoint and gets a generic answer: scripts an empty JS body,
 *   images and pixels a real 1×1 transparent GIF, everything else 204 No Content.
 *
 * Browsers reach it by name, never over the network:
 * - Chromium: `--host-resolver-rules=MAP * 127.0.0.1:<port>` and `--ignore-certificate-errors`
 *   (`chromiumFixtureArgs(port)`);
 * - Firefox: pref `network.dns.localDomains` = `hostnames().join(',')` with the server on
 *   127.0.0.1:443 (`firefoxFixturePrefs(hostnames)`), and `acceptInsecureCerts: true`.
 *
 * Pages always use `https://<host>/…` without a port: the browser mapping supplies it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from 'selfsigned';
import { fixtureHostnames as manifestHostnames } from '../../tests/fixtures/site/manifest.ts';

export const FIXTURE_SITE_DIR = resolve(fileURLToPath(new URL('../../tests/fixtures/site/', import.meta.url)));

export interface FixtureRequestLog {
  host: string;
  /** Path with query string, as the browser sent it. */
  path: string;
  method: string;
  /** `Date.now()` when the request arrived. */
  time: number;
  /** `Sec-Fetch-Dest` header (`script`, `image`, `empty`, `document`, …) or null when absent. */
  dest: string | null;
}

export interface FixtureServer {
  port: number;
  /** `https://<host>`: the origin a page on `host` has in the browser (the mapping supplies the port). */
  origin(host: string): string;
  /** Every host name the fixture pages use: site directories plus the hosts in the manifest. */
  hostnames(): string[];
  /** Every request the server answered, in arrival order (Chromium's own background calls included). */
  requests: FixtureRequestLog[];
  close(): Promise<void>;
}

export interface FixtureServerOptions {
  /** 0 (default) picks a free port. Firefox needs 443. */
  port?: number;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** More directories of `<host>/` folders served like tests/fixtures/site (the crawl's sites). */
  extraSiteDirs?: readonly string[];
  /** Hosts whose requests are accepted and never answered (a site that hangs); dropped at `close()`. */
  neverAnswer?: readonly string[];
  /** `https://host/path` → where it redirects (HTTP 302), checked before files. */
  redirects?: Readonly<Record<string, string>>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.gif': 'image/gif',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
};

/** The classic 43-byte 1×1 transparent GIF (GIF89a, one-colour palette, transparency extension). */
export const TRANSPARENT_GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
const EMPTY_SCRIPT = '/* fixture */\n';

const IMAGE_EXTENSIONS = new Set(['.gif', '.png', '.jpg', '.jpeg', '.webp', '.svg', '.ico']);

/** Host names that have a directory of files under tests/fixtures/site. */
export function siteHostnames(): string[] {
  return readdirSync(FIXTURE_SITE_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name.includes('.'))
    .map((d) => d.name)
    .sort();
}

export function allFixtureHostnames(): string[] {
  return [...new Set([...siteHostnames(), ...manifestHostnames()])].sort();
}

export async function startFixtureServer(opts: FixtureServerOptions = {}): Promise<FixtureServer> {
  const siteRoots = new Map<string, string>(siteHostnames().map((h) => [h, FIXTURE_SITE_DIR]));
  for (const dir of opts.extraSiteDirs ?? []) {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      if (d.isDirectory() && d.name.includes('.') && !siteRoots.has(d.name)) siteRoots.set(d.name, resolve(dir));
    }
  }
  const hosts = [...new Set([...allFixtureHostnames(), ...siteRoots.keys(), ...(opts.neverAnswer ?? [])])].sort();
  const siteHosts = new Set(siteRoots.keys());
  const neverAnswer = new Set(opts.neverAnswer ?? []);
  const pems = await generate([{ name: 'commonName', value: 'beaker-fixtures.test' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - 24 * 3600 * 1000),
    notAfterDate: new Date(Date.now() + 30 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...hosts.map((value) => ({ type: 2 as const, value })),
          { type: 2 as const, value: 'localhost' },
          { type: 7 as const, ip: '127.0.0.1' },
        ],
      },
    ],
  });

  const requests: FixtureRequestLog[] = [];
  const server: Server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    try {
      handle(req, res);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(err));
    }
  });

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const host = hostOfHeader(req.headers.host);
    const rawPath = req.url ?? '/';
    const dest = headerValue(req.headers['sec-fetch-dest']);
    requests.push({ host, path: rawPath, method: req.method ?? 'GET', time: Date.now(), dest });

    const common: Record<string, string> = {
      'Cache-Control': 'no-store',
      'Access-Control-Allow-Origin': headerValue(req.headers.origin) ?? '*',
      'Access-Control-Allow-Credentials': 'true',
      'Timing-Allow-Origin': '*',
      Vary: 'Origin',
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...common,
        'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
        'Access-Control-Allow-Headers': headerValue(req.headers['access-control-request-headers']) ?? '*',
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return;
    }
    const pathname = pathnameOf(rawPath);
    if (neverAnswer.has(host)) return; // held open until the browser gives up or the server closes
    const redirect = opts.redirects?.[`https://${host}${pathname}`];
    if (redirect !== undefined) {
      res.writeHead(302, { ...common, Location: redirect, 'Content-Length': '0' });
      res.end();
      return;
    }

    if (siteHosts.has(host)) {
      const file = siteFile(host, pathname, siteRoots.get(host) ?? FIXTURE_SITE_DIR);
      if (!file) {
        res.writeHead(404, { ...common, 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`fixture: no file for https://${host}${pathname}\n`);
        return;
      }
      const body = readFileSync(file);
      res.writeHead(200, {
        ...common,
        'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': String(body.length),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }

    // A tracker endpoint: answer by what the browser asked for.
    const kind = genericKind(dest, pathname, rawPath);
    if (kind === 'script') {
      res.writeHead(200, { ...common, 'Content-Type': 'text/javascript; charset=utf-8' });
      res.end(req.method === 'HEAD' ? undefined : EMPTY_SCRIPT);
    } else if (kind === 'image') {
      res.writeHead(200, { ...common, 'Content-Type': 'image/gif', 'Content-Length': String(TRANSPARENT_GIF.length) });
      res.end(req.method === 'HEAD' ? undefined : TRANSPARENT_GIF);
    } else {
      res.writeHead(204, common);
      res.end();
    }
  }

  const listenHost = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, listenHost, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  // Browsers keep idle TLS connections open; don't let them hold the process or the close.
  server.keepAliveTimeout = 2000;
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    origin: (host: string) => `https://${host}`,
    hostnames: () => [...hosts],
    requests,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        server.close((err) => (err ? reject(err) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}

/**
 * Flags for headless Chromium on these machines (ARCHITECTURE.md, "Browser recipes"): without the background-networking
 * ones, Chromium's own calls fail against the closed network at every start.
 */
export const QUIET_CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Chromium flags that send every host name to the fixture server (with the usual quiet flags). */
export function chromiumFixtureArgs(port: number): string[] {
  return [`--host-resolver-rules=MAP * 127.0.0.1:${port}`, '--ignore-certificate-errors', ...QUIET_CHROMIUM_ARGS];
}

/** Firefox prefs that resolve the fixture host names to 127.0.0.1 (server on port 443). */
export function firefoxFixturePrefs(hostnames: readonly string[]): Record<string, string> {
  return { 'network.dns.localDomains': hostnames.join(',') };
}

function headerValue(v: string | string[] | undefined): string | null {
  if (v === undefined) return null;
  return Array.isArray(v) ? (v[0] ?? null) : v;
}

function hostOfHeader(h: string | undefined): string {
  if (!h) return '';
  // Strip the port; host names here are never IPv6 literals except [::1], which keeps its brackets.
  const m = /^(\[[^\]]*\]|[^:]*)/.exec(h.trim().toLowerCase());
  return (m?.[1] ?? '').replace(/\.$/, '');
}

function pathnameOf(rawPath: string): string {
  const end = rawPath.search(/[?#]/);
  const p = end === -1 ? rawPath : rawPath.slice(0, end);
  try {
    return decodeURIComponent(p) || '/';
  } catch {
    return p || '/';
  }
}

function siteFile(host: string, pathname: string, siteDir: string = FIXTURE_SITE_DIR): string | null {
  const root = join(siteDir, host);
  const full = normalize(join(root, pathname));
  if (full !== root && !full.startsWith(root + sep)) return null;
  let candidate = full;
  if (existsSync(candidate) && statSync(candidate).isDirectory()) candidate = join(candidate, 'index.html');
  return existsSync(candidate) && statSync(candidate).isFile() ? candidate : null;
}

function genericKind(dest: string | null, pathname: string, rawPath: string): 'script' | 'image' | 'empty' {
  if (dest === 'script' || dest === 'worker' || dest === 'sharedworker' || dest === 'serviceworker') return 'script';
  if (dest === 'image') return 'image';
  if (dest !== null && dest !== '' && dest !== 'empty') return 'empty'; // style, font, document, iframe, audio, video, …
  if (dest === null) {
    // No Sec-Fetch-Dest (old browser, a tool): guess from the path.
    const ext = extname(pathname).toLowerCase();
    if (ext === '.js' || ext === '.mjs') return 'script';
    if (IMAGE_EXTENSIONS.has(ext) || /(^|\/)(tr|b|p|pixel)\/?$/.test(pathname) || /[?&]fmt=gif\b/.test(rawPath)) return 'image';
  }
  return 'empty';
}
