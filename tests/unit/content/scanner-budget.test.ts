// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest';
import type { Pass, ScanContext } from '../../../lib/core/detector';
import { createScanner } from '../../../lib/content/scanner';

/** Issue #13, item 4: a subframe's scanner has a rate budget; the slices stay within their budget. */
const context = async (): Promise<ScanContext> => ({ win: window, lang: 'en', verdict: () => null, text: () => ({ pattern: null, button: 'other', discourse: false }), now: () => Date.now() });
const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};
let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  document.body.innerHTML = '';
});

async function scan(maxMsPerSecond?: number) {
  // 60 sections of 700 elements: the full pass's roots (it cuts at 800), 2 ms of work each.
  document.body.innerHTML = Array.from({ length: 60 }, () => `<section>${'<i></i>'.repeat(700)}</section>`).join('');
  const pass: Pass = () => (busy(2), { findings: [], errors: [] });
  const scanner = createScanner({ win: window, passes: [pass], context, maxMsPerSecond, onFindings: () => {}, onError: () => {} });
  const started = performance.now();
  scanner.start();
  stop = () => scanner.stop();
  await scanner.idle();
  return { wall: performance.now() - started, stats: scanner.stats() };
}

test('with 60 ms a second, 120 ms of passes take more than a second; without, far less', async () => {
  const free = await scan();
  stop?.();
  const bounded = await scan(60);
  expect(free.stats.rootsScanned).toBe(bounded.stats.rootsScanned);
  expect(bounded.stats.rootsScanned).toBeGreaterThanOrEqual(60);
  // 120 ms of work at 60 ms/s (the bucket starts full: 60 ms) needs at least ~1 s.
  expect(bounded.wall).toBeGreaterThan(900);
  expect(free.wall).toBeLessThan(bounded.wall);
  // Every slice within its budget plus one job (8 + 2 ms), give or take a loaded machine's clock.
  expect(bounded.stats.longestSliceMs).toBeLessThan(50);
}, 20_000);
