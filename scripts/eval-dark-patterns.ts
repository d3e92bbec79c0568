/**
 * Precision and recall of each dark-pattern detector over the fixture pages
 * (tests/fixtures/dark-patterns/*.html), scored on pattern types per page:
 *
 * - precision: of the types a detector reported on any page, the share the page's
 *   `beaker-expected` lists;
 * - recall: of the expected types a detector reports (its `types`) on the pages written for it
 *   (`beaker-detector`), the share it found.
 *
 *   npx tsx scripts/eval-dark-patterns.ts           # table
 *   npx tsx scripts/eval-dark-patterns.ts --verbose # and every finding, page by page
 */
import { DARK_PATTERN_DETECTORS, detectDarkPatterns } from '../lib/dark-patterns/detect-dark-patterns.ts';
import type { DarkPatternFinding } from '../lib/core/detector';
import { loadFixture, loadFixtures } from '../tests/unit/dark-patterns/detectors/fixture-harness';

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
const scores = new Map<string, Score>(DARK_PATTERN_DETECTORS.map((d) => [d.id, { tp: 0, fp: 0, fn: 0, pages: 0, errors: 0, misses: [], extras: [] }]));
let exactPages = 0;
const fixtures = loadFixtures();

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
for (const [id, s] of scores) {
  tp += s.tp;
  fp += s.fp;
  fn += s.fn;
  console.log(`${id.padEnd(34)} ${String(s.pages).padStart(5)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}  ${pct(s.tp, s.tp + s.fp).padStart(9)} ${pct(s.tp, s.tp + s.fn).padStart(7)} ${String(s.errors).padStart(7)}`);
  for (const m of s.misses) console.log(`    missed ${m}`);
  for (const e of s.extras) console.log(`    extra  ${e}`);
}
console.log(`${'all detectors'.padEnd(34)} ${String(fixtures.length).padStart(5)} ${String(tp).padStart(4)} ${String(fp).padStart(4)} ${String(fn).padStart(4)}  ${pct(tp, tp + fp).padStart(9)} ${pct(tp, tp + fn).padStart(7)}`);
console.log(`pages whose combined result equals beaker-expected: ${exactPages}/${fixtures.length}`);
