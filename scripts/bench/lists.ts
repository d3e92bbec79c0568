/**
 * Filter lists (issue #10, item 1), in Node: EasyList and EasyPrivacy from the pinned copies in
 * ../shared/data/filter-lists/ (never in this repository; the section skips, saying so, when they
 * are absent). Prints what loading costs (parse, serialised size, deserialise: what a restarted
 * worker pays), how much of what the lists block is logged as targeting with and without them, and
 * the classifier's cost per request with lists against TrackerDB alone, same process, alternating.
 *
 * The corpus is made from the lists' own rules (a request URL for every `||host^` rule and for every
 * plain path rule, kept only if the list's engine blocks it), plus the project's ordinary requests:
 * real request URLs are not available offline. Say so wherever the number is quoted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FiltersEngine } from '@ghostery/adblocker';
import { createClassifier } from '../../lib/trackers/classify-request';
import { createListMatcher, parseFilterList, sha256Hex, type ParsedList } from '../../lib/trackers/filter-lists';
import { loadTrackerDbFromNodeModules } from '../../tests/helpers/trackerdb-node';
import { ORDINARY_REQUESTS } from '../../tests/unit/fixtures/request-corpus';
import { fmt, median, ratio, rng, table, verdict } from './stats';

const DIR = resolve(import.meta.dirname, '../../../shared/data/filter-lists');
const LISTS = ['easylist', 'easyprivacy'] as const;
const PER_LIST = 3000;
const RECALL_TARGET = 0.95;
const COST_TARGET = 2;

interface Probe {
  url: string;
  type: string;
  documentUrl: string;
}

export interface ListsResult {
  skipped: string | null;
  lists: { id: string; name: string; version: string | null; rules: number; invalid: number; parseMs: number; serialisedKB: number; deserialiseMs: number }[];
  probes: number;
  recallWith: number;
  recallWithout: number;
  usWith: number;
  usWithout: number;
  costRatio: number;
}

/** Request URLs a list's rules describe: `||host^` → a script on that host; `/path/` → an image under it on a page's own host. */
function probesOf(text: string, engine: FiltersEngine, seed: number): Probe[] {
  const documentUrl = 'https://news.example/';
  const out: Probe[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    let probe: Probe | null = null;
    const host = /^\|\|([a-z0-9.-]+\.[a-z]{2,})\^(?:\$(?:third-party|script|image|xmlhttprequest|~?third-party)(?:,(?:third-party|script|image|xmlhttprequest))*)?$/.exec(line);
    if (host) probe = { url: `https://${host[1]}/beaker-probe.js?x=1`, type: line.includes('image') ? 'image' : 'script', documentUrl };
    const path = /^(\/[a-z0-9_\-/.]+[/.][a-z0-9_\-/]*)$/i.exec(line);
    if (!probe && path && !line.includes('*')) probe = { url: `https://news.example${path[1]}${path[1]!.endsWith('/') ? 'x.gif' : ''}`, type: 'image', documentUrl };
    if (probe) out.push(probe);
  }
  const next = rng(seed);
  const sample = out.sort(() => next() - 0.5).slice(0, PER_LIST * 3);
  const matcher = createListMatcher([{ engine, info: { id: 'probe', name: 'probe', version: null, sha256: '0'.repeat(64), rules: 0, invalid: 0, category: 'advertising', source: 'file', addedAt: new Date(0).toISOString() } }]);
  return sample.filter((p) => matcher.match(p) !== null).slice(0, PER_LIST);
}

function timePerRequest(classify: (p: Probe) => unknown, probes: readonly Probe[], rounds: number): number {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const p of probes) classify(p);
    samples.push(((performance.now() - t0) * 1000) / probes.length);
  }
  return median(samples);
}

export async function benchLists(): Promise<ListsResult> {
  const empty: ListsResult = { skipped: null, lists: [], probes: 0, recallWith: 0, recallWithout: 0, usWith: 0, usWithout: 0, costRatio: 0 };
  const missing = LISTS.filter((id) => !existsSync(join(DIR, `${id}.txt`)));
  if (missing.length > 0) return { ...empty, skipped: `skipped: ${missing.join(', ')} not found in ${DIR} (pinned copies; see its README)` };
  const db = await loadTrackerDbFromNodeModules();
  const parsed: ParsedList[] = [];
  const lists: ListsResult['lists'] = [];
  const probes: Probe[] = [];
  for (const [i, id] of LISTS.entries()) {
    const text = readFileSync(join(DIR, `${id}.txt`), 'utf8');
    const t0 = performance.now();
    const list = parseFilterList(text, { id, name: id, sha256: await sha256Hex(text), source: 'file' });
    const parseMs = performance.now() - t0;
    const bytes = list.engine.serialize();
    const t1 = performance.now();
    const engine = FiltersEngine.deserialize(bytes);
    const deserialiseMs = performance.now() - t1;
    parsed.push({ info: list.info, engine });
    lists.push({ id, name: list.info.name, version: list.info.version, rules: list.info.rules, invalid: list.info.invalid, parseMs, serialisedKB: bytes.byteLength / 1024, deserialiseMs });
    probes.push(...probesOf(text, list.engine, 7 + i));
  }
  const matcher = createListMatcher(parsed);
  const withLists = createClassifier(db, () => matcher);
  const without = createClassifier(db);
  const targeting = (c: typeof without) => probes.filter((p) => c.classify(p)?.targeting === true).length / probes.length;
  const mixed = [...probes, ...ORDINARY_REQUESTS.map((r) => ({ url: r.url, type: r.type, documentUrl: r.documentUrl }))];
  // Warm both, then alternate which goes first.
  timePerRequest((p) => withLists.classify(p), mixed, 1);
  timePerRequest((p) => without.classify(p), mixed, 1);
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < 6; r++) {
    if (r % 2 === 0) {
      a.push(timePerRequest((p) => withLists.classify(p), mixed, 1));
      b.push(timePerRequest((p) => without.classify(p), mixed, 1));
    } else {
      b.push(timePerRequest((p) => without.classify(p), mixed, 1));
      a.push(timePerRequest((p) => withLists.classify(p), mixed, 1));
    }
  }
  const usWith = median(a);
  const usWithout = median(b);
  return { skipped: null, lists, probes: probes.length, recallWith: targeting(withLists), recallWithout: targeting(without), usWith, usWithout, costRatio: ratio(usWith, usWithout) };
}

export function printLists(r: ListsResult): string {
  if (r.skipped) return `== lists: ${r.skipped}`;
  return [
    '== lists: EasyList and EasyPrivacy (pinned copies, ../shared/data/filter-lists) as a second source of truth, in Node',
    table(
      ['list', 'version', 'network rules', 'lines not understood', 'parse ms', 'serialised KB', 'deserialise ms'],
      r.lists.map((l) => [l.name, l.version ?? '-', l.rules, l.invalid, fmt(l.parseMs, 0), fmt(l.serialisedKB, 0), fmt(l.deserialiseMs, 1)]),
    ),
    '',
    `corpus: ${r.probes} request URLs made from the lists' own host and path rules (each blocked by its list), not real traffic`,
    table(
      ['', 'value'],
      [
        ['logged as targeting, TrackerDB + beacon rules alone', `${fmt(100 * r.recallWithout, 1)} %`],
        ['logged as targeting, with the lists', `${fmt(100 * r.recallWith, 1)} %`],
        ['classify µs per request, TrackerDB alone (corpus + ordinary requests)', fmt(r.usWithout, 2)],
        ['classify µs per request, with the lists', fmt(r.usWith, 2)],
      ],
    ),
    `target: ≥ ${RECALL_TARGET * 100} % of what the lists block logged as targeting: ${fmt(100 * r.recallWith, 1)} % ${verdict(r.recallWith >= RECALL_TARGET)}`,
    `target: per-request cost with lists ≤ ${COST_TARGET}× TrackerDB alone: ${fmt(r.costRatio, 2)}× ${verdict(r.costRatio <= COST_TARGET)}`,
  ].join('\n');
}
