#!/usr/bin/env node
// `npm test`: every check CI runs, in order, stopping at the first failure:
// type-check, unused code (knip), unit tests, both builds, AMO's linter on the Firefox build, end-to-end tests in
// Debian's Chromium and Firefox ESR. Ends with one line "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = mkdtempSync(join(tmpdir(), 'beaker-test-'));
const totals = { passed: 0, failed: 0 };

function run(title, command, args) {
  console.log(`\n=== ${title}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit' });
  console.log(`=== ${title}: ${result.status === 0 ? 'ok' : `FAILED (exit ${result.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

function vitest(title, extra) {
  const report = join(out, `${title.replace(/\W+/g, '-')}.json`);
  const ok = run(title, 'npx', ['vitest', 'run', ...extra, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += json.numPassedTests;
    totals.failed += json.numFailedTests;
  } else if (!ok) totals.failed += 1;
  return ok;
}

function lintFirefox() {
  console.log('\n=== web-ext lint (Firefox build)');
  const result = spawnSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--output', 'json'], { encoding: 'utf8' });
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    console.error(result.stdout, result.stderr);
    return false;
  }
  for (const m of [...report.errors, ...report.warnings]) console.log(`  ${m._type} ${m.code} ${m.file ?? ''}: ${m.message}`);
  console.log(`=== web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings`);
  return report.summary.errors === 0;
}

const missing = ['/usr/bin/chromium', '/usr/bin/firefox-esr'].filter((p) => !existsSync(p) && !process.env.CHROMIUM_PATH);
if (missing.length > 0) {
  console.error(`Missing browsers for the end-to-end tests: ${missing.join(', ')}.\nInstall them with: sudo apt-get install -y chromium firefox-esr`);
  process.exit(3);
}
if (!existsSync('/usr/bin/redis-server') && !process.env.REDIS_SERVER_PATH) {
  console.error('Missing redis-server, which the crawl queue tests start on 127.0.0.1.\nInstall it with: sudo apt-get install -y redis-server   (or set REDIS_SERVER_PATH)');
  process.exit(3);
}

const steps = [
  () => run('type-check', 'npm', ['run', '--silent', 'typecheck']),
  // No unused files, exports or dependencies (knip.json names each exception and why).
  () => run('unused code (knip)', 'npx', ['knip', '--no-progress']),
  () => vitest('unit tests', []),
  () => run('build (Chrome MV3, Firefox MV2)', 'npm', ['run', '--silent', 'build']),
  lintFirefox,
  () => vitest('end-to-end tests', ['--config', 'vitest.e2e.config.ts']),
];
let ok = true;
for (const step of steps) {
  if (!step()) {
    ok = false;
    break;
  }
}
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(ok ? 0 : 1);
