/**
 * Loads the ad fixtures (tests/fixtures/ads/*.html) into happy-dom, runs the detectors as the
 * content script would (a first scan of the document, then a rescan of each subtree inserted after
 * load, counted through one `AdUnitLedger`), and scores findings against the units the fixture marks.
 * Shared by the unit tests and `scripts/eval-ads.ts`, so both measure the same thing.
 *
 * Fixture conventions:
 * - `<meta name="beaker-expected-ads" content="3">`: the true number of ad units on the page.
 * - `<meta name="beaker-expected-networks" content="Taboola, Outbrain">`: the networks of the
 *   counted units, as a set (empty content: none named). Optional.
 * - `<meta name="beaker-near-miss" content="ads/criteo ads/amazon">`: on negative fixtures, the
 *   detectors whose look-alikes the page contains.
 * - `<meta name="beaker-known-misses" content="2">`: units the detectors are known to miss today.
 * - `<meta name="beaker-page-url" content="https://…">`: the page the requests are classified for.
 * - `<meta name="beaker-list" content="test-easylist">`: the detectors get `ctx.listSelectors` as
 *   the extension would with that list (tests/fixtures/lists/<name>.txt) turned on: the page's
 *   names and links collected as the content script does, the selectors chosen as the background does.
 * - `data-beaker-ad="gpt-slot ad-host-frame"` on each true ad unit, naming the detectors expected
 *   to find it (short names); `data-beaker-known-miss="why"` on a unit no detector finds yet. A
 *   finding is a true positive when its element is, or is inside, a marked unit, once per unit.
 * - `<template data-beaker-insert="#css-selector" data-beaker-insert-mode="append|replace">`: nodes
 *   inserted after load, in document order, each followed by a rescan of what was inserted.
 */
import { buildIndex } from '../../../../lib/core/page-index';
import { CONTENT_INDEX_SPEC } from '../../../../lib/content/passes';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window as HappyWindow } from 'happy-dom';
import { AD_DETECTORS, createAdUnitLedger, mergeAdFindings, runAdDetectors, type AdUnitLedger, type DetectorError } from '../../../../lib/ads/detect-ads';
import type { AdFinding, DetectorContext } from '../../../../lib/core/detector';
import type { VerdictFor } from './real-verdict';
import { directTextFacts } from '../../../../lib/dark-patterns/text-facts';
import { collectListTokens } from '../../../../lib/content/list-selectors';
import { listPageOf, parseCosmeticList, selectorsFor } from '../../../../lib/ads/lists/easylist';

// Paths, not `new URL(…, import.meta.url)`: under happy-dom the global URL is happy-dom's.
export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/ads');
export const DEFAULT_PAGE_URL = 'https://www.example-news.test/';
export const LIST_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/lists');

export interface AdFixtureFile {
  name: string;
  html: string;
}

export function listAdFixtures(): AdFixtureFile[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => ({ name: f.replace(/\.html$/, ''), html: readFileSync(join(FIXTURE_DIR, f), 'utf8') }));
}

const silentConsole = { ...console, log() {}, info() {}, warn() {}, error() {}, debug() {} } as unknown as Console;
let sharedWindow: HappyWindow | null = null;

/**
 * One happy-dom window for all fixtures, with scripts, stylesheets and frames never loaded, and a
 * silent console (happy-dom logs an error for every `<iframe src>` it is not allowed to load).
 */
export function fixtureWindow(): HappyWindow {
  sharedWindow ??= new HappyWindow({
    url: DEFAULT_PAGE_URL,
    console: silentConsole,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true },
  });
  return sharedWindow;
}

export function parseHtml(html: string): Document {
  const win = fixtureWindow();
  return new win.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export function contextFor(doc: Document, verdict: DetectorContext['verdict']): DetectorContext {
  return {
    win: fixtureWindow() as unknown as Window,
    lang: doc.documentElement.getAttribute('lang')?.toLowerCase() ?? null,
    verdict,
    text: directTextFacts(doc.documentElement.getAttribute('lang')?.toLowerCase() ?? null),
    now: () => 0,
    // The extension's path: one walk per root, filed by every content detector's sources.
    index: (root) => buildIndex(root, CONTENT_INDEX_SPEC),
  };
}

const listEngines = new Map<string, ReturnType<typeof parseCosmeticList>>();

/** `ctx.listSelectors` for `doc` at `pageUrl` with the test list `name` turned on. */
export function listSelectorsFor(doc: Document, pageUrl: string, name: string): string[] {
  let engine = listEngines.get(name);
  if (engine === undefined) {
    engine = parseCosmeticList(readFileSync(join(LIST_DIR, `${name}.txt`), 'utf8'));
    listEngines.set(name, engine);
  }
  const page = listPageOf(pageUrl);
  if (page === null) throw new Error(`${pageUrl}: not a web page`);
  return selectorsFor(engine, { ...page, ...collectListTokens([doc], new Set()), site: true });
}

export interface UnitMark {
  element: Element;
  /** Detector ids expected to find this unit (`ads/gpt-slot`). */
  detectors: string[];
  /** Why no detector finds it yet, for known misses. */
  knownMiss: string | null;
}

export interface AdFixtureRun {
  name: string;
  title: string;
  expected: number;
  knownMisses: number;
  networks: string[] | null;
  nearMiss: string[];
  pageUrl: string;
  document: Document;
  /** Units counted over the first scan and every rescan (merged, through one ledger). */
  counted: AdFinding[];
  /** Each detector on its own: its findings merged to outermost and counted through its own ledger. */
  perDetector: Record<string, AdFinding[]>;
  errors: DetectorError[];
  units: UnitMark[];
  scans: number;
  /**
   * The marked element each counted finding was in when it was found (or null): a frame that a
   * later refresh removed is scored where it was, not as a detached node outside every unit.
   */
  markAtFind: Map<AdFinding, Element | null>;
}

/** The nearest element marked `data-beaker-ad` at or above `el`, or null. */
function markedAncestor(el: Element): Element | null {
  for (let n: Element | null = el; n !== null; n = n.parentElement) if (n.hasAttribute('data-beaker-ad')) return n;
  return null;
}

function meta(doc: Document, name: string): string | null {
  return doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? null;
}

function list(value: string | null): string[] {
  return (value ?? '').split(/[\s,]+/).filter((s) => s !== '');
}

export function runAdFixture(file: AdFixtureFile, verdictFor: VerdictFor): AdFixtureRun {
  const doc = parseHtml(file.html);
  const expectedText = meta(doc, 'beaker-expected-ads');
  if (expectedText === null || !/^\d+$/.test(expectedText)) throw new Error(`${file.name}: missing or bad beaker-expected-ads meta`);
  const networksText = meta(doc, 'beaker-expected-networks');
  const pageUrl = meta(doc, 'beaker-page-url') ?? DEFAULT_PAGE_URL;
  const ctx = contextFor(doc, verdictFor(pageUrl));

  const templates = Array.from(doc.querySelectorAll('template[data-beaker-insert]'));
  for (const t of templates) t.remove();
  const listName = meta(doc, 'beaker-list');
  if (listName !== null) ctx.listSelectors = listSelectorsFor(doc, pageUrl, listName);

  const ledger = createAdUnitLedger();
  const perLedger: Record<string, AdUnitLedger> = {};
  const perDetector: Record<string, AdFinding[]> = {};
  for (const d of AD_DETECTORS) {
    perLedger[d.id] = createAdUnitLedger();
    perDetector[d.id] = [];
  }
  const counted: AdFinding[] = [];
  const errors: DetectorError[] = [];
  const markAtFind = new Map<AdFinding, Element | null>();
  const keep = (into: AdFinding[], admitted: AdFinding[]): void => {
    for (const f of admitted) {
      markAtFind.set(f, markedAncestor(f.element));
      into.push(f);
    }
  };
  let scans = 0;
  const scan = (root: ParentNode): void => {
    scans += 1;
    const { runs, errors: runErrors } = runAdDetectors(root, ctx);
    errors.push(...runErrors);
    keep(counted, ledger.admit(mergeAdFindings(runs.flatMap((r) => r.findings), root)));
    for (const run of runs) keep(perDetector[run.detectorId]!, perLedger[run.detectorId]!.admit(mergeAdFindings(run.findings, root)));
  };

  scan(doc);
  for (const template of templates) {
    const selector = template.getAttribute('data-beaker-insert')!;
    const target = doc.querySelector(selector);
    if (target === null) throw new Error(`${file.name}: insert target ${selector} not found`);
    if (template.getAttribute('data-beaker-insert-mode') === 'replace') target.replaceChildren();
    const fragment = doc.importNode((template as HTMLTemplateElement).content, true);
    const inserted = Array.from(fragment.childNodes);
    target.append(fragment);
    for (const node of inserted) if (node.nodeType === 1) scan(node as Element);
  }

  const units: UnitMark[] = Array.from(doc.querySelectorAll('[data-beaker-ad]')).map((element) => ({
    element,
    detectors: list(element.getAttribute('data-beaker-ad')).map((d) => (d.startsWith('ads/') ? d : `ads/${d}`)),
    knownMiss: element.getAttribute('data-beaker-known-miss'),
  }));
  return {
    name: file.name,
    title: doc.title,
    expected: Number(expectedText),
    knownMisses: Number(meta(doc, 'beaker-known-misses') ?? '0'),
    networks: networksText === null ? null : networksText.split(',').map((s) => s.trim()).filter((s) => s !== ''),
    nearMiss: list(meta(doc, 'beaker-near-miss')),
    pageUrl,
    document: doc,
    counted,
    perDetector,
    errors,
    units,
    scans,
    markAtFind,
  };
}

/** The marked unit a counted finding was in when found; null for a finding outside every unit. */
export function unitOf(run: AdFixtureRun, finding: AdFinding): UnitMark | null {
  const mark = run.markAtFind.get(finding) ?? null;
  return mark === null ? null : (run.units.find((u) => u.element === mark) ?? null);
}

export interface Score {
  tp: number;
  fp: number;
  /** Units some finding matched. */
  matched: Set<UnitMark>;
  /** Findings outside every unit, or a second finding in an already-matched unit. */
  falsePositives: AdFinding[];
}

/**
 * Per-unit scoring: a finding is a true positive for the unit it is (inside), the first time; a
 * second finding in the same unit is a double count, a false positive.
 */
export function scoreFindings(run: AdFixtureRun, findings: readonly AdFinding[]): Score {
  const matched = new Set<UnitMark>();
  const falsePositives: AdFinding[] = [];
  let tp = 0;
  for (const f of findings) {
    const unit = unitOf(run, f);
    if (unit !== null && !matched.has(unit)) {
      matched.add(unit);
      tp += 1;
    } else falsePositives.push(f);
  }
  return { tp, fp: falsePositives.length, matched, falsePositives };
}

/** `tag#id.class` of an element, for messages. */
export function label(el: Element): string {
  const id = el.id ? `#${el.id}` : '';
  const cls = el.getAttribute('class')?.trim().split(/\s+/)[0];
  return `${el.localName}${id}${cls ? `.${cls}` : ''}`;
}
