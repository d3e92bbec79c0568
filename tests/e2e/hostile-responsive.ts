import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { findChromium } from '../../scripts/lib/chromium';
import { chromiumFixtureArgs } from '../../scripts/lib/fixture-server';

/**
 * Responsiveness probes for the heavy hostile pages (issue #13 item 4, issue #7 "Bad input"): long
 * tasks (> 50 ms) from a `longtask` PerformanceObserver installed before the page's scripts in the
 * top frame's main world. It sees every task of the renderer's main thread, the content scripts'
 * isolated worlds and same-origin frames included, but not whose code ran in it: so each page is
 * also visited in a second Chromium WITHOUT the extension (same binary and flags, same run), and
 * only the long tasks after the page's own work was done are compared.
 */
export const LONG_TASKS = `(() => {
  if (window.top !== window) return;
  const tasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: Math.round(e.startTime), duration: Math.round(e.duration) });
  }).observe({ type: 'longtask', buffered: true });
  Object.defineProperty(window, '__longTasks', { value: tasks });
})();`;

export interface LongTask {
  start: number;
  duration: number;
}

export const longTasksOf = (page: Page): Promise<LongTask[]> => page.evaluate(() => (window as unknown as { __longTasks: LongTask[] }).__longTasks.slice());

/** A Chromium without the extension, mapped to the same fixture server. */
export async function launchPlain(fixturePort: number): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'beaker-chromium-plain-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: chromiumFixtureArgs(fixturePort),
    ignoreHTTPSErrors: true,
  });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Round trips while Beaker works: a trusted click on #probe (CDP input) every 250 ms, sent → handled. */
export async function clickRoundTrips(page: Page, ms: number): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __clicks: number[] };
    w.__clicks = [];
    document.getElementById('probe')!.addEventListener('click', () => w.__clicks.push(Date.now()));
  });
  const box = (await page.locator('#probe').boundingBox())!;
  const out: number[] = [];
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const sent = Date.now();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const at = await page.evaluate(() => (window as unknown as { __clicks: number[] }).__clicks.at(-1) ?? 0);
    out.push(at >= sent ? at - sent : Number.POSITIVE_INFINITY);
    await page.waitForTimeout(250);
  }
  return out;
}

/**
 * Whose code ran in a long task: the V8 CPU profile of the tab's renderer (CDP `Profiler`, 1 ms
 * samples; the top document, same-origin frames and the content scripts' isolated worlds), put on
 * the page's clock with `Performance.getMetrics`' NavigationStart. A sample is Beaker's when its
 * stack has a `chrome-extension://<id>/` frame (the method of tests/soak/hostile-heavy-pages.test.ts).
 */
export async function startProfile(page: Page): Promise<() => Promise<CpuProfile>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' } as never);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  return async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const nav = metrics.find((m) => m.name === 'NavigationStart')!.value * 1e6;
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Omit<CpuProfile, 'navigationStartUs'> };
    await cdp.detach().catch(() => undefined);
    return { ...profile, navigationStartUs: nav };
  };
}

export interface CpuProfile {
  nodes: { id: number; callFrame: { url: string; functionName: string; columnNumber: number }; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
  navigationStartUs: number;
}

export interface TaskShare extends LongTask {
  samples: number;
  /** The task's time in samples with Beaker's code on the stack (shared out by sample count). */
  beakerMs: number;
  idleMs: number;
  /** Of `beakerMs`, samples whose innermost Beaker frame is the content-script loader (a frame's start-up). */
  loaderMs: number;
  /** Innermost Beaker frames of the task's samples (`fn@file:column`), most samples first. */
  hot: string[];
}

export function beakerShare(profile: CpuProfile, tasks: readonly LongTask[], extensionId: string): TaskShare[] {
  const ext = `chrome-extension://${extensionId}/`;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const isBeaker = new Map<number, boolean>();
  const beaker = (id: number): boolean => {
    let known = isBeaker.get(id);
    if (known === undefined) {
      known = byId.get(id)!.callFrame.url.startsWith(ext) || (parent.has(id) && beaker(parent.get(id)!));
      isBeaker.set(id, known);
    }
    return known;
  };
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) times.push((t += d));
  return tasks.map((task) => {
    const start = profile.navigationStartUs + task.start * 1000;
    const end = start + task.duration * 1000;
    let n = 0;
    let b = 0;
    let idle = 0;
    let loader = 0;
    const hot = new Map<string, number>();
    for (let i = 0; i < times.length; i++) {
      if (times[i]! < start || times[i]! >= end) continue;
      n += 1;
      const node = byId.get(profile.samples[i]!)!;
      if (node.callFrame.functionName === '(idle)') idle += 1;
      else if (beaker(node.id)) {
        b += 1;
        let f: number | undefined = node.id;
        while (f !== undefined && !byId.get(f)!.callFrame.url.startsWith(ext)) f = parent.get(f);
        const c = byId.get(f!)!.callFrame;
        if (c.url.endsWith('/content-scripts/loader.js')) loader += 1;
        const key = `${c.functionName || '?'}@${c.url.slice(ext.length)}:${c.columnNumber}`;
        hot.set(key, (hot.get(key) ?? 0) + 1);
      }
    }
    const per = n > 0 ? task.duration / n : 0;
    const top = [...hot].sort((x, y) => y[1] - x[1]).slice(0, 4).map(([k, v]) => `${k} x${v}`);
    return { ...task, samples: n, beakerMs: Math.round(b * per), loaderMs: Math.round(loader * per), idleMs: Math.round(idle * per), hot: top };
  });
}

/** A long task "from Beaker": Beaker's code ran more than 50 ms in it, or it was over 50 ms and at least half Beaker's. */
export const fromBeaker = (shares: readonly TaskShare[]) => shares.filter((s) => s.beakerMs > 50 || (s.duration > 50 && s.beakerMs >= (s.duration - s.idleMs) / 2));

/** The same, not counting the loader's samples (the frames' start-up, which Chromium runs per new frame). */
export const fromBeakerAfterStartup = (shares: readonly TaskShare[]) => fromBeaker(shares.map((s) => ({ ...s, beakerMs: s.beakerMs - s.loaderMs })));
