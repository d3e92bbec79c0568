import type { Page } from 'playwright-core';
import { bundleLib } from './lib-bundle';

/** The in-page harness (page-harness.ts) and the lib/ code it drives, as one classic script. */
export async function harnessBundle(): Promise<string> {
  const { code } = await bundleLib("import * as H from './scripts/bench/page-harness.ts';\n(globalThis as any).__beakerBench = H;");
  return code;
}

type Harness = typeof import('./page-harness');

/** Call a harness function in the page (after `harnessBundle()` was evaluated there). */
export async function callHarness<K extends keyof Harness>(page: Page, fn: K, ...args: Parameters<Harness[K]>): Promise<Awaited<ReturnType<Harness[K]>>> {
  return page.evaluate(
    ([name, a]) => (globalThis as unknown as { __beakerBench: Record<string, (...x: unknown[]) => unknown> }).__beakerBench[name]!(...a),
    [fn, args] as [string, unknown[]],
  ) as Promise<Awaited<ReturnType<Harness[K]>>>;
}
