/**
 * Where Beaker's per-page script time goes on one real fixture page (issue #7's page-cost target):
 * `npx tsx scripts/bench/profile-page.ts [url] [--visits N] [--ext DIR]`. Loads the page N times in Chromium
 * with the built extension, CPU-profiles the tab's renderer (page, content scripts' isolated world)
 * and prints self time by script and by function of the extension's scripts.
 */
import { parseArgs } from 'node:util';
import { ensureBuilt } from '../lib/build';
import { launchWithExtension } from '../lib/chromium';
import { startFixtureServer } from '../lib/fixture-server';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { visits: { type: 'string', default: '5' }, ext: { type: 'string' } } });
const url = positionals[0] ?? 'https://news.beaker-demo.test/';
const server = await startFixtureServer();
const browser = await launchWithExtension({ extensionDir: values.ext ?? ensureBuilt('chrome'), fixturePort: server.port });
const byScript = new Map<string, number>();
const byFunction = new Map<string, number>();
let total = 0;
try {
  const warm = await browser.context.newPage();
  await warm.goto(url, { waitUntil: 'load' });
  await warm.waitForTimeout(1500);
  await warm.close();
  const visits = Number(values.visits);
  for (let v = 0; v < visits; v++) {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(1500);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    for (let i = 0; i < profile.samples.length; i++) {
      const f = nodes.get(profile.samples[i]!)!.callFrame;
      const dt = (profile.timeDeltas[i] ?? 0) / 1000 / visits;
      const script = f.url.replace(/^chrome-extension:\/\/[a-z]+\//, 'ext:/') || `(${f.functionName || 'native'})`;
      if (/^\((idle|program)\)$/.test(script)) continue;
      total += dt;
      byScript.set(script, (byScript.get(script) ?? 0) + dt);
      if (f.url.startsWith('chrome-extension://')) {
        const key = `${f.functionName || '(anon)'} ${script}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
        byFunction.set(key, (byFunction.get(key) ?? 0) + dt);
      }
    }
    await page.close();
  }
  console.log(`${url}: ${total.toFixed(1)} ms of sampled script per visit (idle and (program) excluded)`);
  for (const [k, ms] of [...byScript].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${ms.toFixed(2).padStart(8)}  ${k}`);
  console.log('extension functions (self ms per visit):');
  for (const [k, ms] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${ms.toFixed(2).padStart(8)}  ${k}`);
} finally {
  await browser.close();
  await server.close();
}
