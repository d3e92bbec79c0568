/**
 * Precision, recall and F1 of the text classifier (lib/dark-patterns/classify-text.ts) on the
 * hand-written corpus (tests/fixtures/text-corpus/), per category, per type and overall, with the
 * confusion between types and the first 20 false positives and negatives.
 *
 *   npx tsx scripts/eval-text.ts            # page language unknown (every rule language)
 *   npx tsx scripts/eval-text.ts --lang     # pass each sample's language, as a page would
 *   npx tsx scripts/eval-text.ts --holdout  # the December 2026 hold-out instead (issue #11 item 3)
 *   npx tsx scripts/eval-text.ts --holdout --clean  # without its strings that are also tuning strings
 *   npx tsx scripts/eval-text.ts --model    # also the n-gram model (tests/fixtures/text-corpus/ngram-model.ts)
 *   npx tsx scripts/eval-text.ts --json     # the raw report
 *
 * The corpus was written alongside the rules: these are in-sample numbers. A one-time hold-out
 * of 92 positive and 80 negative strings, written after the first tuning round, scored overall
 * P 95.0% / R 82.6% / F1 88.4% before the rules were widened (it is part of the corpus now).
 * The December 2026 hold-out (tests/fixtures/text-corpus/holdout-2026-12.ts) is never tuned on:
 * it is scored once before and once after a tuning round, and both numbers are in its header.
 *
 * `--model` trains the n-gram model on the tuning corpus and the rules' examples only, picks its
 * probability threshold by 5-fold cross-validation on the tuning corpus (never the hold-out), and
 * prints rules, model and "rules, then the model where no rule matched" on the chosen set, with
 * each one's cost per string and the model's size.
 */
import { classifyText, matchText } from '../lib/dark-patterns/classify-text';
import { TEXT_RULES } from '../lib/dark-patterns/text-rules';
import { evaluateCorpus, formatReport, type CorpusReport, type EvaluateOptions } from '../tests/fixtures/text-corpus/evaluate';
import { HOLDOUT_NEGATIVE, HOLDOUT_POSITIVE } from '../tests/fixtures/text-corpus/holdout-2026-12';
import { NEGATIVE, type NegativeSample } from '../tests/fixtures/text-corpus/negative';
import { int8Bytes, predict, train, type Example, type NgramModel } from '../tests/fixtures/text-corpus/ngram-model';
import { POSITIVE, type PositiveSample } from '../tests/fixtures/text-corpus/positive';

const passLang = process.argv.includes('--lang');
const holdout = process.argv.includes('--holdout');
// `--clean`: the hold-out without the strings that are also tuning strings or rule examples
// (29 positive and 25 negative ones, mostly short badges written again during the tuning).
const seen = new Set([...POSITIVE, ...NEGATIVE].map((s) => s.text).concat(TEXT_RULES.flatMap((r) => [...r.examples, ...r.counterExamples])).map((t) => t.toLowerCase()));
const clean = <T extends { text: string }>(xs: readonly T[]) => (process.argv.includes('--clean') ? xs.filter((x) => !seen.has(x.text.toLowerCase())) : xs);
const set = holdout ? { positives: clean(HOLDOUT_POSITIVE), negatives: clean(HOLDOUT_NEGATIVE) } : {};
const what = holdout ? 'the December 2026 hold-out (tests/fixtures/text-corpus/holdout-2026-12.ts)' : 'tests/fixtures/text-corpus';

if (!process.argv.includes('--model')) {
  const report = evaluateCorpus({ passLang, ...set });
  if (process.argv.includes('--json')) console.log(JSON.stringify(report, null, 2));
  else console.log(formatReport(report, `Text classifier on ${what} (page language ${passLang ? 'given' : 'unknown'})`));
} else {
  runModel();
}

function summary(name: string, r: CorpusReport): string {
  const cats = Object.entries(r.byCategory)
    .filter(([, s]) => s.tp + s.fn > 0)
    .map(([c, s]) => `${c} ${(100 * s.recall).toFixed(0)}/${(100 * s.precision).toFixed(0)}`)
    .join(', ');
  return `${name.padEnd(22)} P ${(100 * r.overall.precision).toFixed(1)}% R ${(100 * r.overall.recall).toFixed(1)}% (fp ${r.overall.fp}, fn ${r.overall.fn}); type acc ${(100 * r.typeAccuracy).toFixed(1)}%\n${''.padEnd(22)} category R/P: ${cats}`;
}

function runModel(): void {
  const ruleExamples: Example[] = TEXT_RULES.flatMap((rule) => rule.examples.map((text) => ({ text, label: rule.type })));
  const ruleCounter: Example[] = TEXT_RULES.flatMap((rule) => rule.counterExamples.filter((t) => classifyText(t) === null).map((text) => ({ text, label: null })));
  const corpus = (pos: readonly PositiveSample[], neg: readonly NegativeSample[]): Example[] => [
    ...pos.map((s) => ({ text: s.text, label: s.type })),
    ...neg.map((s) => ({ text: s.text, label: null })),
  ];
  const combined = (model: NgramModel, threshold: number): EvaluateOptions['classify'] => (text, lang) => {
    const m = matchText(text, passLang ? { lang } : {});
    if (m) return { type: m.type, ruleId: m.ruleId, match: m.match };
    const p = predict(model, text);
    return p && p.p >= threshold ? { type: p.type, ruleId: `model@${p.p.toFixed(2)}`, match: '' } : null;
  };
  const modelOnly = (model: NgramModel, threshold: number): EvaluateOptions['classify'] => (text) => {
    const p = predict(model, text);
    return p && p.p >= threshold ? { type: p.type, ruleId: `model@${p.p.toFixed(2)}`, match: '' } : null;
  };

  // Threshold by 5-fold cross-validation on the tuning corpus (the rules' examples always train).
  const folds = 5;
  const thresholds = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95];
  const cv = thresholds.map((t) => ({ t, tp: 0, fp: 0, fn: 0, mtp: 0, mfp: 0, mfn: 0 }));
  for (let f = 0; f < folds; f += 1) {
    const inFold = <T>(_: T, i: number) => i % folds === f;
    const outFold = <T>(_: T, i: number) => i % folds !== f;
    const model = train([...ruleExamples, ...ruleCounter, ...corpus(POSITIVE.filter(outFold), NEGATIVE.filter(outFold))]);
    for (const c of cv) {
      const r = evaluateCorpus({ passLang, positives: POSITIVE.filter(inFold), negatives: NEGATIVE.filter(inFold), classify: combined(model, c.t) });
      c.tp += r.overall.tp;
      c.fp += r.overall.fp;
      c.fn += r.overall.fn;
      const m = evaluateCorpus({ passLang, positives: POSITIVE.filter(inFold), negatives: NEGATIVE.filter(inFold), classify: modelOnly(model, c.t) });
      c.mtp += m.overall.tp;
      c.mfp += m.overall.fp;
      c.mfn += m.overall.fn;
    }
  }
  console.log('5-fold cross-validation on the tuning corpus, rules then model:');
  const pr = (tp: number, fp: number, fn: number) => `P ${((100 * tp) / Math.max(1, tp + fp)).toFixed(1)}% R ${((100 * tp) / (tp + fn)).toFixed(1)}% (fp ${fp})`;
  for (const c of cv) console.log(`  threshold ${c.t.toFixed(2)}: rules then model ${pr(c.tp, c.fp, c.fn)}; model alone ${pr(c.mtp, c.mfp, c.mfn)}`);
  const rulesCv = evaluateCorpus({ passLang });
  const ok = cv.filter((c) => c.tp / (c.tp + c.fp) >= Math.min(0.99, rulesCv.overall.precision - 0.002));
  // The rules reach every tuning positive in-sample, so cross-validation can only show what the
  // model adds in false positives; the threshold is the lowest whose added false positives keep
  // precision within 0.2 points of the rules' (at most 99%).
  const chosen = (ok.length > 0 ? ok : cv.slice(-1)).reduce((a, b) => (b.t < a.t ? b : a)).t;
  console.log(`chosen threshold ${chosen} (the lowest keeping precision within 0.2 points of the rules', at most 99%)\n`);

  const model = train([...ruleExamples, ...ruleCounter, ...corpus(POSITIVE, NEGATIVE)]);
  const texts = [...(set.positives ?? POSITIVE), ...(set.negatives ?? NEGATIVE)].map((s) => s.text);
  const cost = (fn: (t: string) => unknown) => {
    for (const t of texts) fn(t);
    let best = Infinity;
    for (let k = 0; k < 3; k += 1) {
      const start = performance.now();
      for (const t of texts) fn(t);
      best = Math.min(best, performance.now() - start);
    }
    return (1000 * best) / texts.length;
  };
  console.log(`On ${what} (page language ${passLang ? 'given' : 'unknown'}):`);
  console.log(summary('rules', evaluateCorpus({ passLang, ...set })));
  console.log(summary(`model (p >= ${chosen})`, evaluateCorpus({ passLang, ...set, classify: modelOnly(model, chosen) })));
  console.log(summary('rules, then model', evaluateCorpus({ passLang, ...set, classify: combined(model, chosen) })));
  // A second operating point fixed before the hold-out was scored: the model's out-of-fold
  // precision at 0.8 matched the rules' target (98.6%).
  console.log(summary('model (p >= 0.8)', evaluateCorpus({ passLang, ...set, classify: modelOnly(model, 0.8) })));
  console.log(summary('rules, then model 0.8', evaluateCorpus({ passLang, ...set, classify: combined(model, 0.8) })));
  console.log(`\ncost per string: rules ${cost((t) => classifyText(t)).toFixed(1)} us, model ${cost((t) => predict(model, t)).toFixed(1)} us`);
  console.log(`model: ${model.classes.length} classes x 4096 buckets = ${(int8Bytes(model) / 1024).toFixed(0)} KB as int8 (${((model.weights.length * 4) / 1024).toFixed(0)} KB float32); trained on ${ruleExamples.length + ruleCounter.length + POSITIVE.length + NEGATIVE.length} strings written for this project`);
}
