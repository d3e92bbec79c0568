/**
 * Precision and recall of each dark-pattern detector over the fixture pages
 * (tests/fixtures/dark-patterns/*.html), scored on pattern types per page:
 *
 * - precision: of the types a detector reported on any page, the share the page's
 *   `beaker-expected` lists;
 * - recall: of the expected types a detector reports (its `types`) on the pages written for it
 *   (`beaker-detector`), the share it found.
 *
 * Then, for the whole family together (what the person would be shown), precision and recall per
 * pattern type and per category, every negative page (no expected type) that got a finding, and
 * how often findings were right at each confidence (the calibration table behind
 * `darkPatternMinConfidence`).
 *
 *   npx tsx scripts/eval-dark-patterns.ts           # table
 *   npx tsx scripts/eval-dark-patterns.ts --verbose # and every finding, page by page
 *   npx tsx scripts/eval-dark-patterns.ts --holdout # the hold-out pages (tests/fixtures/dark-patterns/holdout/)
 */
import { DARK_PATTERN_DETECTORS, detectDarkPatterns } from '../lib/dark-patterns/detect-dark-patterns.ts';
import type { DarkPatternFinding } from '../lib/core/detector';
import { HOLDOUT_DIR, loadFixture, loadFixtures } from '../tests/unit/dark-patterns/detectors/fixture-harness';
import { CATEGORY_OF, type PatternType } from '../lib/dark-patterns/pattern-types';
import { DEFAULT_DARK_PATTERN_MIN_CONFIDENCE } from '../lib/schema/settings';

interface Score {
  tp: number;
  fp: number;
  fn: number;
  pages: number;
  errors: number;
  misses: string[];
  extras: string[];
}

const verbose = process.argv.includes('--verbose');
const holdout = process.argv.includes('--holdout');
const minArg = process.argv.find((a) => a.startsWith('--min-confidence='));
/** Findings below this are "possible" (not in Targeted): the family tables count only the rest. */
const minConfidence = minArg ? Number(minArg.split('=')[1]) : DEFAULT_DARK_PATTERN_MIN_CONFIDENCE;
let possibleFindings = 0;
const scores = new Map<string, Score>(DARK_PATTERN_DETECTORS.map((d) => [d.id, { tp: 0, fp: 0, fn: 0, pages: 0, errors: 0, misses: [], extras: [] }]));
let exactPages = 0;
const fixtures = holdout ? loadFixtures(HOLDOUT_DIR) : loadFixtures();
/** Combined (family) scores, keyed by type and by category. */
const byType = new Map<string, { tp: number; fp: number; fn: number }>();
const byCategory = new Map<string, { tp: number; fp: number; fn: number }>();
const bump = (map: Map<string, { tp: number; fp: number; fn: number }>, key: string, field: 'tp' | 'fp' | 'fn') => {
  const s = map.get(key) ?? { tp: 0, fp: 0, fn: 0 };
  s[field] += 1;
  map.set(key, s);
};
const noisyNegatives: string[] = [];
/** Confidence buckets (tenths): findings whose type the page expects, and all findings. */
const calibration = new Map<number, { right: number; all: number }>();

for (const fixture of fixtures) {
  const page = await loadFixture(fixture.html);
  const doc = page.win.document as unknown as Document;
  const expected = new Set(fixture.expected);
  for (const detector of DARK_PATTERN_DETECTORS) {
    const score = scores.get(detector.id)!;
    const name = detector.id.replace('dark-patterns/', '');
    const own = fixture.detectors.includes(name);
    if (own) score.pages += 1;
    const { findings, errors } = detectDarkPatterns(doc, page.ctx, [detector]);
    score.errors += errors.length;
    const found = new Set((findings as DarkPatternFinding[]).map((f) => f.type));
    for (const type of found) {
      if (expected.has(type)) score.tp += 1;
      else {
        score.fp += 1;
        score.extras.push(`${fixture.name}: ${type}`);
      }
    }
    if (own) {
      for (const type of expected) {
        if ((detector.types as readonly string[]).includes(type) && !found.has(type)) {
          score.fn += 1;
          score.misses.push(`${fixture.name}: ${type}`);
        }
      }
    }
  }
  const { findings, errors } = detectDarkPatterns(doc, page.ctx);
  const got = [...new Set((findings as DarkPatternFinding[]).map((f) => f.type))].sort();
  const sure = (findings as DarkPatternFinding[]).filter((f) => f.confidence >= minConfidence);
  possibleFindings += findings.length - sure.length;
  const counted = [...new Set(sure.map((f) => f.type))].sort();
  for (const type of counted) {
    const field = expected.has(type) ? 'tp' : 'fp';
    bump(byType, type, field);
    bump(byCategory, CATEGORY_OF[type as PatternType] ?? type, field);
  }
  for (const type of expected) {
    if (counted.includes(type)) continue;
    bump(byType, type, 'fn');
    bump(byCategory, CATEGORY_OF[type as PatternType] ?? type, 'fn');
  }
  if (expected.size === 0 && findings.length > 0) noisyNegatives.push(`${fixture.name}: ${got.join(', ')}${sure.length === 0 ? ' (possible only)' : ''}`);
  for (const f of findings as DarkPatternFinding[]) {
    const bucket = Math.min(9, Math.floor(f.confidence * 10));
    const c = calibration.get(bucket) ?? { right: 0, all: 0 };
    c.all += 1;
    if (expected.has(f.type)) c.right += 1;
    calibration.set(bucket, c);
  }
  const exact = got.join(',') === [...expected].sort().join(',') && errors.length === 0;
  if (exact) exactPages += 1;
  if (verbose || !exact) {
    console.log(`${exact ? 'ok  ' : 'DIFF'} ${fixture.name}  expected [${[...expected].join(', ')}]  got [${got.join(', ')}]`);
    if (verbose) {
      for (const f of findings as DarkPatternFinding[]) {
        console.log(`       ${f.type.padEnd(24)} ${f.confidence.toFixed(2)}  <${f.element.localName}> ${f.detectorId.replace('dark-patterns/', '')}: ${JSON.stringify(f.evidence.slice(0, 90))}`);
      }
    }
  }
  await page.close();
}

const pct = (n: number, d: number) => (d === 0 ? '   –  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
console.log('');
console.log(`${'detector'.padEnd(34)} pages   TP   FP   FN  precision  recall  errors`);
let tp = 0;
let fp = 0;
let fn = 0;
for (const [id, s] of holdout ? [] : scores) {
  tp += s.tp;
  fp += s.fp;
  fn += s.fn;
  console.log(`${id.padEnd(34)} ${String(s.pages).padStart(5)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}  ${pct(s.tp, s.tp + s.fp).padStart(9)} ${pct(s.tp, s.tp + s.fn).padStart(7)} ${String(s.errors).padStart(7)}`);
  for (const m of s.misses) console.log(`    missed ${m}`);
  for (const e of s.extras) console.log(`    extra  ${e}`);
}
console.log(`${'all detectors'.padEnd(34)} ${String(fixtures.length).padStart(5)} ${String(tp).padStart(4)} ${String(fp).padStart(4)} ${String(fn).padStart(4)}  ${pct(tp, tp + fp).padStart(9)} ${pct(tp, tp + fn).padStart(7)}`);
console.log(`pages whose combined result equals beaker-expected: ${exactPages}/${fixtures.length}`);

const table = (title: string, map: Map<string, { tp: number; fp: number; fn: number }>) => {
  console.log('');
  console.log(`${title.padEnd(34)}   TP   FP   FN  precision  recall`);
  const t = { tp: 0, fp: 0, fn: 0 };
  for (const [key, s] of [...map].sort(([a], [b]) => a.localeCompare(b))) {
    t.tp += s.tp;
    t.fp += s.fp;
    t.fn += s.fn;
    console.log(`${key.padEnd(34)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}  ${pct(s.tp, s.tp + s.fp).padStart(9)} ${pct(s.tp, s.tp + s.fn).padStart(7)}`);
  }
  console.log(`${'all'.padEnd(34)} ${String(t.tp).padStart(4)} ${String(t.fp).padStart(4)} ${String(t.fn).padStart(4)}  ${pct(t.tp, t.tp + t.fp).padStart(9)} ${pct(t.tp, t.tp + t.fn).padStart(7)}`);
};
console.log('');
console.log(`${holdout ? `HOLD-OUT pages (${HOLDOUT_DIR})` : 'fixture pages'}: family results, type per page, counting findings with confidence >= ${minConfidence} (${possibleFindings} below: "possible")`);
table('type', byType);
table('category', byCategory);
const negatives = fixtures.filter((f) => f.expected.length === 0).length;
console.log('');
console.log(`negative pages with a finding (any confidence): ${noisyNegatives.length}/${negatives}`);
for (const n of noisyNegatives) console.log(`    ${n}`);
console.log('');
console.log('confidence   findings  right  share right');
for (const [bucket, c] of [...calibration].sort(([a], [b]) => a - b)) {
  console.log(`${(bucket / 10).toFixed(1)}–${((bucket + 1) / 10).toFixed(1)}     ${String(c.all).padStart(8)} ${String(c.right).padStart(6)}  ${pct(c.right, c.all)}`);
}
