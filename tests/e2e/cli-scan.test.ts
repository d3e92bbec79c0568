import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';

// `npm run scan`, the main job, as a newcomer runs it (issue #12 item 4): the default demo page
// (tests/fixtures/site/news.beaker-demo.test/front.html) shows trackers, ads and dark patterns at once;
// `npm run scan --json` prints JSON Lines and nothing else on stdout, npm's banner included; an
// unreachable URL is one sentence and exit code 1. Each run builds first when the sources changed.
const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
delete env.npm_lifecycle_event;
delete env.npm_config_json;
const run = (command: string, args: string[]) => spawnSync(command, args, { encoding: 'utf8', env, timeout: 280_000 });
/** stderr without the build's progress line. */
const errorLines = (stderr: string) => stderr.trimEnd().split('\n').filter((l) => l !== '' && !l.startsWith('Building the chrome extension'));

interface Row {
  kind?: string;
  url?: string;
  phase?: string;
  type?: string;
  targeting?: boolean;
  counts?: { tracker: number; ad: number; darkPattern: number; engagement: number };
}

test('npm run scan --json (banner on): every stdout line is JSON; the default page has tracker requests, 3 ad units and its dark patterns', () => {
  const r = run('npm', ['run', 'scan', '--json']);
  expect(r.status, r.stderr).toBe(0);
  const rows = r.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Row);
  const [visit, ...events] = rows;
  // The visit first (a visit record has no kind), then its events.
  expect(visit).toMatchObject({ url: 'https://news.beaker-demo.test/front.html' });
  expect(visit!.kind).toBeUndefined();
  for (const e of events) expect(['tracker', 'ad', 'dark-pattern', 'engagement']).toContain(e.kind);
  const counts = visit!.counts!;
  // The visit's counts are its records: targeting tracker requests, rendered ad units, dark patterns.
  expect(counts.tracker).toBe(events.filter((e) => e.kind === 'tracker' && e.targeting).length);
  expect(counts.tracker).toBeGreaterThanOrEqual(7);
  expect(counts.ad).toBe(3);
  expect(events.filter((e) => e.kind === 'ad' && e.phase === 'rendered')).toHaveLength(3);
  const types = events.filter((e) => e.kind === 'dark-pattern').map((e) => e.type);
  expect(counts.darkPattern).toBe(types.length);
  for (const type of ['consent-no-reject', 'countdown-timer', 'low-stock-message', 'confirmshaming']) expect(types).toContain(type);
  expect(counts.engagement).toBe(0);
  // npm's banner went to stderr (npm's own --json), not into the JSON Lines.
  expect(r.stderr).toContain('> beaker@');
}, 300_000);

test('npm run scan: Targeted is broken down, Engaged explained, other demo pages named', () => {
  const r = run('npx', ['tsx', 'scripts/scan.ts', '--wait', '2000']);
  expect(r.status, r.stderr).toBe(0);
  const m = /Targeted (\d+) = (\d+) tracker requests \+ (\d+) ad units \+ (\d+) dark patterns/.exec(r.stdout);
  expect(m, r.stdout).not.toBeNull();
  const [targeted, trackers, ads, patterns] = m!.slice(1).map(Number) as [number, number, number, number];
  expect(targeted).toBe(trackers + ads + patterns);
  expect(trackers).toBeGreaterThan(0);
  expect(ads).toBe(3);
  expect(patterns).toBeGreaterThanOrEqual(4);
  expect(r.stdout).toMatch(/Engaged +0 = your own acts: clicks, typing/);
  expect(r.stdout).toContain('npm run scan -- --demo deals');
  expect(r.stdout).not.toContain('(index)');
  expect(r.stdout).not.toContain('\x1b['); // not a terminal: no colour
}, 300_000);

test('an unreachable URL: one sentence on stderr, nothing on stdout, exit code 1', () => {
  const r = run('npx', ['tsx', 'scripts/scan.ts', 'https://no-such-host.invalid/']);
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  expect(errorLines(r.stderr)).toEqual([
    'scan: could not load https://no-such-host.invalid/ (net::ERR_NAME_NOT_RESOLVED): check the address and the network connection, or scan a demo page with `npm run scan`.',
  ]);
}, 300_000);
