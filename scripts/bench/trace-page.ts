/**
 * A Chromium trace of one fixture page visit with the built extension, summed by kind of V8 work
 * for the extension's scripts (compile, evaluate, function calls) and for the page:
 * `npx tsx scripts/bench/trace-page.ts [url] [--visits N]`. Tells whether Beaker's per-page script
 * time is compiling its bundle or running it (issue #7's page-cost target).
 */
import { parseArgs } from 'node:util';
import { ensureBuilt } from '../lib/build';
import { launchWithExtension } from '../lib/chromium';
import { startFixtureServer } from '../lib/fixture-server';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; fileName?: string; functionName?: string }; fileName?: string };
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { visits: { type: 'string', default: '5' }, ext: { type: 'string' } } });
const url = positionals[0] ?? 'https://news.beaker-demo.test/';
const visits = Number(values.visits);
const server = await startFixtureServer();
const browser = await launchWithExtension({ extensionDir: values.ext ?? ensureBuilt('chrome'), fixturePort: server.port });
const sums = new Map<string, number>();
try {
  const warm = await browser.context.newPage();
  await warm.goto(url, { waitUntil: 'load' });
  await warm.waitForTimeout(1500);
  await warm.close();
  for (let v = 0; v < visits; v++) {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => {
      events.push(...(e.value as unknown as TraceEvent[]));
    });
    const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'v8', 'disabled-by-default-v8.compile', 'v8.execute'] }, transferMode: 'ReportEvents' });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(1500);
    await cdp.send('Tracing.end');
    await done;
    for (const e of events) {
      if (e.ph !== 'X' || e.tdur === undefined) continue;
      const file = e.args?.data?.url ?? e.args?.data?.fileName ?? e.args?.fileName ?? '';
      const who = file.startsWith('chrome-extension://') ? `ext ${file.replace(/^chrome-extension:\/\/[a-z]+\//, '')}` : file ? 'page' : '-';
      const key = `${e.name} [${who}]`;
      sums.set(key, (sums.get(key) ?? 0) + e.tdur / 1000 / visits);
    }
    await page.close();
  }
  console.log(`${url}: thread ms per visit by trace event (nested events overlap; read within a kind)`);
  for (const [k, ms] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${ms.toFixed(2).padStart(8)}  ${k}`);
} finally {
  await browser.close();
  await server.close();
}
