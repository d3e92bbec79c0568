/**
 * Dark-pattern detection costs (issue #4):
 * (a) the text classifier in Node, strings per second over the project's text corpus
 *     (tests/fixtures/text-corpus, positive + negative), against a trivial
 *     `toLowerCase()` + `includes()` loop over the same strings;
 * (b) the full dark-pattern pass (`detectDarkPatterns`, lib/dark-patterns/detectors) in Chromium on
 *     a generated 10k-element shop page, against a plain walk of the same DOM;
 * (c) the countdown watcher (`watchCountdowns`) in Chromium on the same page: idle for 3 s, then
 *     with a timer updating every 10 ms for 3 s; observer callbacks, samples, time inside the
 *     watcher's callback, and the renderer's main-thread time (CDP) against the same page without
 *     the watcher.
 */
import { classifyText } from '../../lib/dark-patterns/classify-text';
import { textFacts, textFactsBatch } from '../../lib/dark-patterns/text-facts';
import { MAX_TEXTS_PER_MESSAGE } from '../../lib/message-limits';
import { NEGATIVE } from '../../tests/fixtures/text-corpus/negative';
import { POSITIVE } from '../../tests/fixtures/text-corpus/positive';
import { callHarness as call, harnessBundle } from './harness';
import type { DarkPatternPassResult, WalkBaseline, WatchReading } from './page-harness';
import { SHOP_TIMER_IDS, shopPage, type GeneratedPage } from './pages';
import { closePage, launchPlainChromium, mainThreadMeter } from './plain-chromium';
import { fmt, log, median, percentileSorted, ratio, sortNumbers, table } from './stats';

// ------------------------------------------------------------------------------- (a) Node

/** The trivial baseline's keywords: lower-case the string, look for each. */
const BASELINE_WORDS = ['only', 'left', 'hurry', 'ends', 'offer'];

export interface ThroughputRow {
  method: string;
  stringsPerSecond: number;
  usPerString: number;
}

export interface ClassifyThroughput {
  strings: number;
  positive: number;
  negative: number;
  langs: Record<string, number>;
  matched: number;
  rounds: number;
  rows: ThroughputRow[];
  /** classifyText (page language) cost per string / baseline cost per string. */
  ratio: number;
  slowest: { text: string; lang: string; us: number }[];
  perStringP50Us: number;
  perStringP99Us: number;
}

function timeRounds(methods: { name: string; run: () => number }[], minMsPerMethod: number): Map<string, number[]> {
  // Rounds alternate the order (ABC, CBA, …) until every method has run for `minMsPerMethod`.
  const times = new Map<string, number[]>(methods.map((m) => [m.name, []]));
  const spent = new Map<string, number>(methods.map((m) => [m.name, 0]));
  let sink = 0;
  for (let round = 0; [...spent.values()].some((v) => v < minMsPerMethod) || round < 6; round++) {
    const order = round % 2 === 0 ? methods : [...methods].reverse();
    for (const m of order) {
      const t0 = performance.now();
      sink += m.run();
      const ms = performance.now() - t0;
      times.get(m.name)!.push(ms);
      spent.set(m.name, spent.get(m.name)! + ms);
    }
  }
  if (sink === -1) log('');
  return times;
}

export function benchClassifyText(minMsPerMethod = 1500): ClassifyThroughput {
  const samples = [...POSITIVE.map((p) => ({ text: p.text, lang: p.lang })), ...NEGATIVE.map((n) => ({ text: n.text, lang: n.lang }))];
  const texts = samples.map((s) => s.text);
  const langs: Record<string, number> = {};
  for (const s of samples) langs[s.lang] = (langs[s.lang] ?? 0) + 1;
  // A content script asks in one language per message, at most MAX_TEXTS_PER_MESSAGE strings.
  const batches: { lang: string; texts: string[] }[] = [];
  for (const lang of Object.keys(langs)) {
    const all = samples.filter((s) => s.lang === lang).map((s) => s.text);
    for (let i = 0; i < all.length; i += MAX_TEXTS_PER_MESSAGE) batches.push({ lang, texts: all.slice(i, i + MAX_TEXTS_PER_MESSAGE) });
  }
  // The baseline is much cheaper per string: repeat it within a round so a round stays measurable.
  const baselineRepeat = 50;
  const methods = [
    {
      name: 'classifyText(text, { lang: page language })',
      run: () => {
        let n = 0;
        for (const s of samples) if (classifyText(s.text, { lang: s.lang }) !== null) n += 1;
        return n;
      },
      per: samples.length,
    },
    {
      name: 'classifyText(text) (language unknown: every language)',
      run: () => {
        let n = 0;
        for (const t of texts) if (classifyText(t) !== null) n += 1;
        return n;
      },
      per: samples.length,
    },
    {
      name: 'textFacts(text, lang) (what the background answers per string: classifyText + classifyButton + isDiscourse)',
      run: () => {
        let n = 0;
        for (const s of samples) if (textFacts(s.text, s.lang).pattern !== null) n += 1;
        return n;
      },
      per: samples.length,
    },
    {
      name: 'textFactsBatch(batch of ≤ 100, lang) (what the background answers per classify-texts message: the same facts, rule by rule over the batch)',
      run: () => {
        let n = 0;
        for (const batch of batches) for (const f of textFactsBatch(batch.texts, batch.lang)) if (f.pattern !== null) n += 1;
        return n;
      },
      per: samples.length,
    },
    {
      name: `baseline: text.toLowerCase() + includes() of ${BASELINE_WORDS.length} words (${BASELINE_WORDS.join(', ')})`,
      run: () => {
        let n = 0;
        for (let r = 0; r < baselineRepeat; r++) {
          for (const t of texts) {
            const lower = t.toLowerCase();
            for (const w of BASELINE_WORDS) if (lower.includes(w)) n += 1;
          }
        }
        return n;
      },
      per: samples.length * baselineRepeat,
    },
  ];
  // Warm up (JIT, regex compilation) before the clock.
  for (const m of methods) m.run();
  const times = timeRounds(methods, minMsPerMethod);
  const rows: ThroughputRow[] = methods.map((m) => {
    const perRound = median(times.get(m.name)!);
    return { method: m.name, stringsPerSecond: m.per / (perRound / 1000), usPerString: (perRound * 1000) / m.per };
  });

  // The slowest strings, each timed alone over many calls.
  const perString = samples.map((s) => {
    const reps = 200;
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) classifyText(s.text, { lang: s.lang });
    return { text: s.text, lang: s.lang, us: ((performance.now() - t0) * 1000) / reps };
  });
  const sorted = sortNumbers(perString.map((p) => p.us));
  const matched = samples.filter((s) => classifyText(s.text, { lang: s.lang }) !== null).length;
  return {
    strings: samples.length,
    positive: POSITIVE.length,
    negative: NEGATIVE.length,
    langs,
    matched,
    rounds: times.get(methods[0]!.name)!.length,
    rows,
    ratio: ratio(rows[0]!.usPerString, rows[3]!.usPerString),
    slowest: [...perString].sort((a, b) => b.us - a.us).slice(0, 3),
    perStringP50Us: percentileSorted(sorted, 50),
    perStringP99Us: percentileSorted(sorted, 99),
  };
}

// --------------------------------------------------------------------- (b), (c) in Chromium

export interface PassOnShop {
  elements: number;
  planted: GeneratedPage['planted'];
  walk: WalkBaseline;
  pass: DarkPatternPassResult;
  coldMedianMs: number;
}

export type WatchScenario = 'idle' | 'idle + watcher' | 'timer' | 'timer + watcher';

export interface WatchRun {
  scenario: WatchScenario;
  seconds: number;
  mainThreadMs: number;
  scriptMs: number;
  reading: WatchReading;
}

export interface DarkPatternsResult {
  classify: ClassifyThroughput;
  browser: string;
  shop: PassOnShop;
  watch: WatchRun[];
}

const SCENARIOS: { scenario: WatchScenario; watcher: boolean; timer: boolean }[] = [
  { scenario: 'idle', watcher: false, timer: false },
  { scenario: 'idle + watcher', watcher: true, timer: false },
  { scenario: 'timer', watcher: false, timer: true },
  { scenario: 'timer + watcher', watcher: true, timer: true },
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function benchDarkPatterns(opts: { elements?: number; watchSeconds?: number } = {}): Promise<DarkPatternsResult> {
  const target = opts.elements ?? 10_000;
  const watchMs = (opts.watchSeconds ?? 3) * 1000;
  log('  dark-patterns: classifyText throughput in Node…');
  const classify = benchClassifyText();

  const bundle = await harnessBundle();
  const chromium = await launchPlainChromium();
  try {
    const generated = shopPage(target);
    const name = `shop-${target}.html`;
    chromium.pages.set(name, generated.html);

    log(`  dark-patterns: detectDarkPatterns on a ${target.toLocaleString('en')}-element shop page…`);
    const page = await chromium.open(name, [bundle]);
    let shop: PassOnShop;
    try {
      const walk = await call(page, 'walkBaseline', 60);
      const pass = await call(page, 'darkPatternPass', 3, 400, 'en');
      shop = { elements: walk.elements, planted: generated.planted, walk, pass, coldMedianMs: median(pass.coldMs) };
    } finally {
      await closePage(page);
    }

    const watch: WatchRun[] = [];
    for (const s of SCENARIOS) {
      log(`  dark-patterns: countdown watcher, ${s.scenario}, ${watchMs / 1000} s…`);
      const p = await chromium.open(name, [bundle]);
      const meter = await mainThreadMeter(p);
      try {
        await call(p, 'watchLongTasks');
        await sleep(300); // let the load settle
        if (s.watcher) await call(p, 'startCountdownWatch');
        if (s.timer) await call(p, 'startTimer', SHOP_TIMER_IDS, 299.99);
        const r0 = await call(p, 'readCountdownWatch');
        const m0 = await meter.read();
        const t0 = performance.now();
        await sleep(watchMs);
        const m1 = await meter.read();
        const r1 = await call(p, 'readCountdownWatch');
        const seconds = (performance.now() - t0) / 1000;
        await call(p, 'stopAll');
        const reading = Object.fromEntries(
          Object.entries(r1).map(([key, v]) => [key, key === 'callbackMaxMs' ? v : v - (r0[key as keyof WatchReading] ?? 0)]),
        ) as unknown as WatchReading;
        // Confirmation may happen in the first 300 ms; count it whenever it happened.
        reading.confirmed = r1.confirmed;
        watch.push({ scenario: s.scenario, seconds, mainThreadMs: m1.taskMs - m0.taskMs, scriptMs: m1.scriptMs - m0.scriptMs, reading });
      } finally {
        await meter.detach();
        await closePage(p);
      }
    }
    return { classify, browser: chromium.version, shop, watch };
  } finally {
    await chromium.close();
  }
}

export function printDarkPatterns(r: DarkPatternsResult): string {
  const c = r.classify;
  const s = r.shop;
  const per1k = (ms: number) => ms / (s.elements / 1000);
  const w = (name: WatchScenario) => r.watch.find((x) => x.scenario === name)!;
  const idle = w('idle');
  const idleW = w('idle + watcher');
  const timer = w('timer');
  const timerW = w('timer + watcher');
  const perS = (run: WatchRun, v: number) => v / run.seconds;
  return [
    `== dark-patterns (a): text classifier throughput in Node ${process.version}, over tests/fixtures/text-corpus (${c.strings} strings: ${c.positive} positive, ${c.negative} negative; ${Object.entries(c.langs)
      .map(([l, n]) => `${l} ${n}`)
      .join(', ')}; ${c.matched} classified as a pattern)`,
    `median of ${c.rounds} rounds per method over the whole corpus, rounds alternating order, after a warm-up`,
    '',
    table(
      ['method', 'strings/s', 'µs/string'],
      c.rows.map((row) => [row.method, fmt(row.stringsPerSecond, 0), fmt(row.usPerString, 3)]),
    ),
    '',
    `ratio: classifyText costs ${fmt(c.ratio, 1)}× the trivial loop per string; per string (each timed over 200 calls): p50 ${fmt(c.perStringP50Us, 2)} µs, p99 ${fmt(c.perStringP99Us, 2)} µs`,
    `slowest: ${c.slowest.map((x) => `${fmt(x.us, 1)} µs "${x.text.length > 60 ? `${x.text.slice(0, 57)}…` : x.text}" (${x.lang})`).join('; ')}`,
    '',
    `== dark-patterns (b): the full dark-pattern pass in ${r.browser}: detectDarkPatterns(document, ctx) on a generated shop page of ${s.elements.toLocaleString('en')} elements`,
    `page: product grid (prices, struck prices, ratings, stock lines), reviews, deal of the day with a countdown display, cookie banner without reject, newsletter modal with a shaming decline, pre-ticked extras; ctx.text = directTextFacts('en') (lib/dark-patterns/text-facts.ts)`,
    'cold = fresh text memo (every text unit classified inside the pass: content + background work, as on first sight); warm = memo filled (the content script\'s pass once the background has answered)',
    '',
    table(
      ['', 'ms per pass', 'ms per 1k elements', '/ qSA(*) walk', '/ TreeWalker walk'],
      [
        ['baseline: document.querySelectorAll(\'*\').length', fmt(s.walk.qsaMs, 3), fmt(per1k(s.walk.qsaMs), 4), '1×', ''],
        ['baseline: TreeWalker over every node', fmt(s.walk.treeWalkerMs, 3), fmt(per1k(s.walk.treeWalkerMs), 4), '', '1×'],
        [`detectDarkPatterns, cold (median of ${s.pass.coldMs.length})`, fmt(s.coldMedianMs, 1), fmt(per1k(s.coldMedianMs), 2), `${fmt(ratio(s.coldMedianMs, s.walk.qsaMs), 0)}×`, `${fmt(ratio(s.coldMedianMs, s.walk.treeWalkerMs), 1)}×`],
        ['detectDarkPatterns, warm', fmt(s.pass.warmMs, 1), fmt(per1k(s.pass.warmMs), 2), `${fmt(ratio(s.pass.warmMs, s.walk.qsaMs), 0)}×`, `${fmt(ratio(s.pass.warmMs, s.walk.treeWalkerMs), 1)}×`],
      ],
    ),
    '',
    table(
      ['detector (warm, alone)', 'ms per pass', 'share of the sum'],
      Object.entries(s.pass.perDetectorWarmMs)
        .sort((a, b) => b[1] - a[1])
        .map(([id, ms]) => {
          const sum = Object.values(s.pass.perDetectorWarmMs).reduce((a, b) => a + b, 0);
          return [id, fmt(ms, 2), `${fmt((ms / sum) * 100, 1)} %`];
        }),
    ),
    '',
    `texts asked per pass: ${s.pass.textCalls} (${s.pass.distinctTexts} distinct); findings: ${
      Object.entries(s.pass.findings)
        .sort()
        .map(([t, n]) => `${t} ${n}`)
        .join(', ') || 'none'
    }; planted: ${Object.entries(s.planted.byKind)
      .sort()
      .map(([t, n]) => `${t.replace('dp:', '')} ${n}`)
      .join(', ')}; detector errors: ${s.pass.errors}`,
    '',
    `== dark-patterns (c): countdown watcher (watchCountdowns) on the same shop page in ${r.browser}, ${fmt(idle.seconds, 1)} s per scenario, fresh page each`,
    'timer: the deal-of-the-day boxes (minutes, seconds, hundredths) set with textContent every 10 ms (3 mutation records per tick); main thread = renderer TaskDuration over CDP; callback time = inside the watcher\'s MutationObserver callback (wrapped)',
    '',
    table(
      ['scenario', 'timer ticks', 'observer callbacks', 'records', 'host look-ups', 'samples', 'callback ms (max)', 'callback ms/s', 'main thread ms/s', 'script ms/s', 'long tasks', 'countdown confirmed'],
      r.watch.map((x) => [
        x.scenario,
        x.reading.timerTicks,
        x.reading.callbacks,
        x.reading.records,
        x.reading.lookups,
        x.reading.samples,
        `${fmt(x.reading.callbackMs, 2)} (${fmt(x.reading.callbackMaxMs, 2)})`,
        fmt(perS(x, x.reading.callbackMs), 3),
        fmt(perS(x, x.mainThreadMs), 2),
        fmt(perS(x, x.scriptMs), 2),
        x.reading.longTasks,
        x.scenario.includes('watcher') ? (x.reading.confirmed > 0 ? `yes (${x.reading.confirmed})` : 'no') : '',
      ]),
    ),
    '',
    `idle: the watcher made ${idleW.reading.callbacks} observer callbacks in ${fmt(idleW.seconds, 1)} s (target ~0); main thread ${fmt(perS(idleW, idleW.mainThreadMs), 2)} ms/s with the watcher vs ${fmt(perS(idle, idle.mainThreadMs), 2)} ms/s without (ratio ${fmt(ratio(idleW.mainThreadMs, idle.mainThreadMs))})`,
    `10 ms timer: ${fmt(perS(timerW, timerW.reading.callbacks), 1)} callbacks/s, ${fmt(perS(timerW, timerW.reading.samples), 2)} samples/s, ${fmt(perS(timerW, timerW.reading.callbackMs), 3)} ms/s inside the watcher (${fmt((perS(timerW, timerW.reading.callbackMs) / 1000) * 100, 3)} % of the main thread); the watcher's callbacks cost ${fmt((ratio(perS(timerW, timerW.reading.callbackMs), perS(timer, timer.mainThreadMs)) * 100), 2)} % of what the timer alone costs the main thread (${fmt(perS(timer, timer.mainThreadMs), 2)} ms/s, mostly style and layout); with the watcher ${fmt(perS(timerW, timerW.mainThreadMs), 2)} ms/s (ratio ${fmt(ratio(timerW.mainThreadMs, timer.mainThreadMs))}, within run-to-run noise)`,
  ].join('\n');
}
