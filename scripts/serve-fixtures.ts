/**
 * Serve the fixture site for manual checks: `npx tsx scripts/serve-fixtures.ts [--port N] [--host H]`.
 * Prints the port, the host names, and how to point Chromium or Firefox at it. Ctrl-C stops it.
 */
import { parseArgs } from 'node:util';
import { chromiumFixtureArgs, firefoxFixturePrefs, startFixtureServer } from './lib/fixture-server.ts';
import { FIXTURE_PAGES } from '../tests/fixtures/site/manifest.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    quiet: { type: 'boolean', default: false },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`bad --port ${values.port}`);
  process.exit(2);
}

const server = await startFixtureServer({ port, host: values.host });
const hosts = server.hostnames();
console.log(`Fixture server on https://${values.host}:${server.port}/ (self-signed certificate)`);
console.log(`\nPages:`);
for (const p of FIXTURE_PAGES) console.log(`  ${p.url.padEnd(44)} ${p.description}`);
console.log(`\nHost names (${hosts.length}):\n  ${hosts.join('\n  ')}`);
console.log(`\nChromium:\n  chromium ${chromiumFixtureArgs(server.port).join(' ')} https://news.beaker-demo.test/`);
console.log(`Firefox (server must listen on 443: --port 443):\n  ${JSON.stringify(firefoxFixturePrefs(hosts))}`);
console.log(`curl:\n  curl -k --resolve news.beaker-demo.test:${server.port}:127.0.0.1 https://news.beaker-demo.test:${server.port}/`);
console.log(`\nLogging requests; Ctrl-C to stop.`);

let seen = 0;
const timer = setInterval(() => {
  if (values.quiet) return;
  for (; seen < server.requests.length; seen++) {
    const r = server.requests[seen]!;
    console.log(`${new Date(r.time).toISOString().slice(11, 23)} ${r.method.padEnd(7)} ${(r.dest ?? '-').padEnd(8)} https://${r.host}${r.path}`);
  }
}, 200);

const stop = async () => {
  clearInterval(timer);
  await server.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
