/**
 * Precision and recall of the ad detectors on the fixtures in tests/fixtures/ads, per detector and
 * overall, with the real TrackerDB classifier behind `ctx.verdict`.
 *
 *   npx tsx scripts/eval-ads.ts            # (or `npm run eval`, once package.json has the script)
 *
 * Scoring is per unit, not per count: each true ad unit is marked `data-beaker-ad` in its fixture;
 * a finding is a true positive when its element is, or is inside, a marked unit, the first time
 * that unit is hit; any other finding (outside every unit, or a second one in the same unit) is a
 * false positive. Overall uses the counted units (merged to the outermost element, through one
 * ledger across the rescans of inserted nodes). Per detector uses that detector alone (its own
 * findings merged and counted the same way); its recall is over the units whose `data-beaker-ad`
 * names it, since no detector is meant to find every stack. Units a detector finds without being
 * named are listed as "extra" (true positives, outside its recall).
 *
 * The fixtures were written with the detectors, so these numbers guard against regressions; they
 * are not an estimate of accuracy on the open web. `known-gaps` holds units no detector finds yet.
 * Always exits 0: it reports, the unit tests assert.
 */
import { Window } from 'happy-dom';

// The detectors capture DOM methods from the global prototypes when they load (lib/ads/detectors/
// shared/safe-dom.ts); give them happy-dom's before importing them, as a page gives them its own.
const globalsWindow = new Window();
Object.assign(globalThis, {
  Element: globalsWindow.Element,
  Document: globalsWindow.Document,
  DocumentFragment: globalsWindow.DocumentFragment,
  Node: globalsWindow.Node,
});

const { AD_DETECTORS } = await import('../lib/ads/detect-ads');
const { listAdFixtures, runAdFixture, scoreFindings, unitOf } = await import('../tests/unit/ads/detectors/fixture-harness');
const { loadRealVerdict } = await import('../tests/unit/ads/detectors/real-verdict');

const verdictFor = await loadRealVerdict();
const runs = listAdFixtures().map((file) => runAdFixture(file, verdictFor));

const ratio = (num: number, den: number): string => (den === 0 ? '   –' : (num / den).toFixed(2).padStart(4));
const pad = (text: string | number, width: number): string => String(text).padEnd(width);
const padL = (text: string | number, width: number): string => String(text).padStart(width);

console.log(`Ad detector evaluation: ${runs.length} fixtures (${runs.filter((r) => r.expected > 0).length} with ads, ${runs.filter((r) => r.expected === 0).length} without)\n`);

console.log('Per fixture (counted units):');
console.log(`  ${pad('fixture', 34)}${padL('expected', 9)}${padL('counted', 9)}${padL('TP', 5)}${padL('FP', 5)}${padL('missed', 8)}`);
let totalTp = 0;
let totalFp = 0;
let totalUnits = 0;
for (const run of runs) {
  const score = scoreFindings(run, run.counted);
  const missed = run.units.length - score.matched.size;
  totalTp += score.tp;
  totalFp += score.fp;
  totalUnits += run.units.length;
  const note = run.knownMisses > 0 ? `  (${run.knownMisses} known miss${run.knownMisses > 1 ? 'es' : ''})` : '';
  console.log(`  ${pad(run.name, 34)}${padL(run.expected, 9)}${padL(run.counted.length, 9)}${padL(score.tp, 5)}${padL(score.fp, 5)}${padL(missed, 8)}${note}`);
  for (const f of score.falsePositives) console.log(`      false positive: <${f.element.localName}> by ${f.detectorId}: ${f.reasons[0]?.detail ?? ''}`);
}

console.log('\nPer detector (each alone; recall over the units that name it):');
console.log(`  ${pad('detector', 24)}${padL('findings', 9)}${padL('TP', 5)}${padL('FP', 5)}${padL('precision', 11)}${padL('units', 7)}${padL('found', 7)}${padL('recall', 8)}${padL('extra', 7)}`);
for (const detector of AD_DETECTORS) {
  let findings = 0;
  let tp = 0;
  let fp = 0;
  let inScope = 0;
  let foundInScope = 0;
  let extra = 0;
  const notes: string[] = [];
  for (const run of runs) {
    const own = run.perDetector[detector.id] ?? [];
    const score = scoreFindings(run, own);
    findings += own.length;
    tp += score.tp;
    fp += score.fp;
    for (const f of score.falsePositives) {
      const unit = unitOf(run, f);
      notes.push(`${run.name}: <${f.element.localName}> ${unit ? 'is a second finding in one unit (double count alone; merged away overall)' : 'is outside every unit'}`);
    }
    for (const unit of run.units) {
      const named = unit.detectors.includes(detector.id);
      const found = own.some((f) => unitOf(run, f) === unit);
      if (named) {
        inScope += 1;
        if (found) foundInScope += 1;
      } else if (found) extra += 1;
    }
  }
  console.log(
    `  ${pad(detector.id, 24)}${padL(findings, 9)}${padL(tp, 5)}${padL(fp, 5)}${padL(ratio(tp, tp + fp), 11)}${padL(inScope, 7)}${padL(foundInScope, 7)}${padL(ratio(foundInScope, inScope), 8)}${padL(extra, 7)}`,
  );
  for (const note of notes) console.log(`      false positive: ${note}`);
}

const errors = runs.flatMap((r) => r.errors.map((e) => `${r.name}: ${e.detectorId}: ${e.error}`));
console.log('\nOverall (counted units, all detectors merged):');
console.log(`  units ${totalUnits}, counted ${totalTp + totalFp}, true positives ${totalTp}, false positives ${totalFp}, missed ${totalUnits - totalTp}`);
console.log(`  precision ${ratio(totalTp, totalTp + totalFp).trim()}   recall ${ratio(totalTp, totalUnits).trim()}`);
console.log(`  detector errors: ${errors.length === 0 ? 'none' : `\n    ${errors.join('\n    ')}`}`);

await globalsWindow.happyDOM.close();
process.exit(0);
