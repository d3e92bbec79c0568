/**
 * A CPU profile of the content script's full pass on a generated page (the bench's scan page), for
 * finding where detector time goes: `npx tsx scripts/bench/profile-scan.ts [elements] [--unminified]`.
 * Prints self time by function (top 40) and writes the raw profile next to the system's temp dir.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callHarness as call, harnessBundle } from './harness';
import { portalPage } from './pages';
import { launchPlainChromium } from './plain-chromium';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

async function main(): Promise<void> {
  const target = Number(process.argv[2] ?? 10_000);
  const bundle = await harnessBundle();
  const chromium = await launchPlainChromium();
  try {
    chromium.pages.set('p.html', portalPage(target).html);
    const page = await chromium.open('p.html', [bundle]);
    await call(page, 'scanFullPass', 'en'); // warm: JIT, text facts
    await call(page, 'stopScan');
    await page.reload();
    await page.evaluate(bundle);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const phase = await call(page, 'scanFullPass', 'en');
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    const file = join(tmpdir(), `beaker-scan-${target}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    const byNode = new Map<number, ProfileNode>(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    for (let i = 0; i < profile.samples.length; i++) {
      const n = byNode.get(profile.samples[i]!)!;
      const f = n.callFrame;
      const key = `${f.functionName || '(anon)'} ${f.url ? `${f.url.split('/').pop()}:${f.lineNumber + 1}` : ''}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    }
    // Which source file each bundle line comes from (esbuild marks modules with `// path` comments).
    const lines = bundle.split('\n');
    const fileOfLine: string[] = [];
    let current = '?';
    for (let i = 0; i < lines.length; i++) {
      const m = /^\s*\/\/ (lib\/\S+|scripts\/\S+)$/.exec(lines[i]!);
      if (m) current = m[1]!;
      fileOfLine[i] = current;
    }
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const selfByFile = new Map<string, number>();
    const inclByDetector = new Map<string, number>();
    for (let i = 0; i < profile.samples.length; i++) {
      const dt = (profile.timeDeltas[i] ?? 0) / 1000;
      let id: number | undefined = profile.samples[i]!;
      const n0 = byNode.get(id)!;
      const f0 = n0.callFrame.url === '' && n0.callFrame.lineNumber >= 0 ? fileOfLine[n0.callFrame.lineNumber] ?? n0.callFrame.functionName : n0.callFrame.functionName;
      selfByFile.set(f0 ?? '?', (selfByFile.get(f0 ?? '?') ?? 0) + dt);
      const seen = new Set<string>();
      while (id !== undefined) {
        const n = byNode.get(id)!;
        const file = n.callFrame.lineNumber >= 0 ? fileOfLine[n.callFrame.lineNumber] : undefined;
        if (file && /detectors\/|page-index|scanner|text-facts|verdicts|support\//.test(file) && !seen.has(file)) {
          seen.add(file);
          inclByDetector.set(file, (inclByDetector.get(file) ?? 0) + dt);
        }
        id = parent.get(id);
      }
    }
    console.log('self ms by file:');
    for (const [k, ms] of [...selfByFile].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${ms.toFixed(1).padStart(8)}  ${k}`);
    console.log('inclusive ms by file (detectors, support, index, scanner):');
    for (const [k, ms] of [...inclByDetector].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${ms.toFixed(1).padStart(8)}  ${k}`);
    // Inclusive time by function (file:name), each function counted once per sample: where a
    // detector's time goes inside it.
    const inclByFunction = new Map<string, number>();
    for (let i = 0; i < profile.samples.length; i++) {
      const dt = (profile.timeDeltas[i] ?? 0) / 1000;
      const seen = new Set<string>();
      for (let id: number | undefined = profile.samples[i]!; id !== undefined; id = parent.get(id)) {
        const f = byNode.get(id)!.callFrame;
        const file = f.lineNumber >= 0 ? fileOfLine[f.lineNumber] : undefined;
        if (!file || !file.startsWith('lib/')) continue;
        const key = `${file.replace(/^lib\//, '')} ${f.functionName || '(anon)'}`;
        if (seen.has(key)) continue;
        seen.add(key);
        inclByFunction.set(key, (inclByFunction.get(key) ?? 0) + dt);
      }
    }
    console.log('inclusive ms by function (lib/):');
    for (const [k, ms] of [...inclByFunction].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(`${ms.toFixed(1).padStart(8)}  ${k}`);
    const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
    console.log(`passes ms: ${phase.passMs.map((x: number) => x.toFixed(1)).join(' + ')}; wall ${phase.wallMs.toFixed(1)}; profile ${file}`);
    for (const [k, ms] of rows) console.log(`${ms.toFixed(1).padStart(8)}  ${k}`);
  } finally {
    await chromium.close();
  }
}

await main();
