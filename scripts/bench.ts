/**
 * Benchmarks. Speed and memory are reported as ratios against a baseline measured in the same run
 * (never as timed assertions in tests); every figure printed is measured here.
 *
 *   npm run bench                          # all sections (about 1–2 minutes on 2 cores)
 *   npm run bench -- --only classify       # classify | log | cold-start (comma-separated for several)
 *   npm run bench -- --json                # one JSON object on stdout; progress goes to stderr
 *
 * Sections:
 *   classify    Beaker's classifier vs the raw TrackerDB engine call, per request, in Node.
 *   log         write-queue appends/s in Chromium's real IndexedDB, batched vs one transaction each.
 *   cold-start  service-worker wake-up → first classified request, vs stand-in workers.
 * Targets print PASS/MISS; the exit code is 0 either way (non-zero only when a section fails to run).
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { MissingPrerequisite, findChromium } from './lib/chromium';
import { benchClassify, printClassify, type ClassifyResult } from './bench/classify';
import { benchColdStart, printColdStart, type ColdStartResult } from './bench/cold-start';
import { benchLog, printLog, type LogResult } from './bench/log';
import { log } from './bench/stats';

const SECTIONS = ['classify', 'log', 'cold-start'] as const;
type Section = (typeof SECTIONS)[number];

interface Report {
  date: string;
  node: string;
  cpus: number;
  cpuModel: string;
  command: string;
  classify?: ClassifyResult;
  log?: LogResult;
  'cold-start'?: ColdStartResult;
  seconds: Partial<Record<Section, number>>;
}

const USAGE = `usage: npm run bench -- [--only ${SECTIONS.join('|')}[,…]] [--json]`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const wanted = values.only ? values.only.split(',').map((s) => s.trim()) : [...SECTIONS];
  const unknown = wanted.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length > 0 || wanted.length === 0) {
    console.error(`Unknown section: ${unknown.join(', ') || '(none)'}\n${USAGE}`);
    return 2;
  }
  const sections = SECTIONS.filter((s) => wanted.includes(s));
  if (sections.some((s) => s !== 'classify')) findChromium();

  const cpu = cpus();
  const report: Report = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    command: ['tsx scripts/bench.ts', ...process.argv.slice(2)].join(' '),
    seconds: {},
  };
  const out = (text: string) => {
    if (!values.json) console.log(`${text}\n`);
  };
  out(`Beaker bench: node ${report.node}, ${report.cpus} × ${report.cpuModel}, ${report.date}`);

  // Node-only work first, then the browser sections (each launches and closes its own Chromium).
  for (const section of sections) {
    const t0 = performance.now();
    log(`bench: ${section}…`);
    if (section === 'classify') {
      report.classify = await benchClassify();
      out(printClassify(report.classify));
    } else if (section === 'log') {
      report.log = await benchLog();
      out(printLog(report.log));
    } else {
      report['cold-start'] = await benchColdStart();
      out(printColdStart(report['cold-start']));
    }
    report.seconds[section] = (performance.now() - t0) / 1000;
  }
  const total = Object.values(report.seconds).reduce((a, b) => a + b, 0);
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else console.log(`bench took ${total.toFixed(1)} s (${sections.map((s) => `${s} ${report.seconds[s]!.toFixed(1)} s`).join(', ')})`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof MissingPrerequisite ? error.message : error);
    process.exit(error instanceof MissingPrerequisite ? 3 : 1);
  },
);
