import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { colours, textTable, usageSentence } from '../../../scripts/lib/cli';

// The command lines of scripts/ (issue #12 item 4): --help lists every flag; a mistake on the command
// line is one sentence on stderr, nothing on stdout, exit code 2; a missing prerequisite is one
// sentence and exit code 1. Run as a person would, through tsx. (Unreachable URLs and --json output
// need a browser: tests/e2e/cli-scan.test.ts.)
// Each case starts a tsx process (2 to 5 s on a loaded 2-core machine).
vi.setConfig({ testTimeout: 60_000 });
const ROOT = join(import.meta.dirname, '..', '..', '..');
const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', BEAKER_DEBUG: '' };
delete env.npm_lifecycle_event;
const run = (script: string, args: string[], extraEnv: Record<string, string> = {}) =>
  spawnSync(tsx, [join(ROOT, 'scripts', `${script}.ts`), ...args], { encoding: 'utf8', cwd: ROOT, env: { ...env, ...extraEnv }, timeout: 60_000 });

/** Every flag each script takes (its parseCommandLine spec), which its --help must name. */
const FLAGS: Record<string, string[]> = {
  scan: ['--demo', '--wait', '--filter-list', '--json', '--help'],
  export: ['--in', '--out', '--format', '--from', '--to', '--site', '--kind', '--no-privacy', '--force', '--quiet', '--help'],
  merge: ['--out', '--force', '--quiet', '--help'],
  bench: ['--only', '--json', '--help'],
  crawl: ['--urls', '--out', '--dwell', '--scroll', '--concurrency', '--shard', '--resume', '--filter-list', '--queue', '--timeout', '--redis-timeout', '--lock-seconds', '--extension', '--merge'],
};

describe.each(Object.keys(FLAGS))('npm run %s', (script) => {
  it('--help prints every flag on stdout and exits 0', () => {
    const r = run(script, ['--help']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^usage: npm run /);
    for (const flag of FLAGS[script]!) expect(r.stdout).toContain(flag);
  });

  it('an unknown flag is one sentence on stderr, nothing on stdout, exit code 2', () => {
    const r = run(script, ['--no-such-flag']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([`${script}: unknown option --no-such-flag. Run \`npm run ${script} -- --help\` to see every option.`]);
  });

  it('a flag without its value is one sentence, exit code 2', () => {
    const flag = ({ scan: '--wait', bench: '--only' } as Record<string, string>)[script] ?? '--out';
    const r = run(script, [flag]);
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([`${script}: ${flag} needs a value. Run \`npm run ${script} -- --help\` to see every option.`]);
  });
});

describe('npm run scan: bad values and missing prerequisites', () => {
  it.each([
    [['--demo', 'nope'], 'scan: --demo takes one of front, news, ads, deals, shop, not nope.'],
    [['ftp://example.org/'], 'scan: ftp://example.org/ is not an http(s) URL (write it like https://example.org/).'],
    [['--wait', 'soon'], 'scan: --wait takes milliseconds (a whole number), not soon.'],
    [['https://a.example/', 'https://b.example/'], 'scan: give one URL, not 2.'],
    [['--demo', 'ads', 'https://a.example/'], 'scan: give a URL or --demo, not both.'],
  ])('%j: one sentence, exit code 2', (args, sentence) => {
    const r = run('scan', args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([`${sentence} Run \`npm run scan -- --help\` to see every option.`]);
  });

  it('no Chromium: one sentence saying what to do, exit code 1, before any build', () => {
    const r = run('scan', [], { CHROMIUM_PATH: '/no/such/chromium' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual(['CHROMIUM_PATH is /no/such/chromium, which does not exist: point it at a Chromium binary, or unset it to use /usr/bin/chromium.']);
  });

  it('bench --only with an unknown section names the sections, exit code 2', () => {
    const r = run('bench', ['--only', 'classify,nope']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^bench: --only takes sections from classify, .*; unknown: nope\. Run/);
  });
});

describe('scripts/lib/cli', () => {
  it("turns node's parseArgs errors into one sentence", () => {
    expect(usageSentence(new Error("Unknown option '--x'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--x\""))).toBe('unknown option --x');
    expect(usageSentence(new Error("Option '-o, --out <value>' argument missing"))).toBe('--out needs a value');
    expect(usageSentence(new Error("Option '--json' does not take an argument"))).toBe('--json takes no value');
    expect(usageSentence(new Error("Unexpected argument 'x'. This command does not take positional arguments"))).toBe('unexpected argument x');
  });

  it('draws tables as aligned text: no index column, no quotes, numbers to the right', () => {
    expect(textTable(['organization', 'requests'], [['Google', 4], ['Meta', 12]], { indent: 2 })).toBe(
      ['  organization  requests', '  ────────────  ────────', '  Google               4', '  Meta                12'].join('\n'),
    );
  });

  it('colours only a terminal', () => {
    const notTty = { isTTY: false } as NodeJS.WriteStream;
    expect(colours(notTty).bold('x')).toBe('x');
    const tty = { isTTY: true } as NodeJS.WriteStream;
    const saved = process.env.NO_COLOR;
    delete process.env.NO_COLOR;
    try {
      expect(colours(tty).bold('x')).toBe('\x1b[1mx\x1b[22m');
      expect(colours(tty, false).bold('x')).toBe('x');
    } finally {
      if (saved !== undefined) process.env.NO_COLOR = saved;
    }
  });
});
