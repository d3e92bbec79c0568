import type { PassResult } from '../core/detector';
import { queryIndex, type PageIndex } from '../core/page-index';
import type { DarkPatternFinding, DetectorContext, Finding } from '../core/detector';
import { confirmshaming } from './detectors/confirmshaming';
import { consentDialog } from './detectors/consent-dialog';
import { countdown } from './detectors/countdown';
import { naggingOverlay } from './detectors/nagging-overlay';
import { preselectedOptIn } from './detectors/preselected-opt-in';
import { obstruction } from './detectors/obstruction';
import { forcedAction } from './detectors/forced-action';
import { softPrompt } from './detectors/soft-prompt';
import { pressuredSelling } from './detectors/pressured-selling';
import type { DarkPatternDetector } from './support/context';
import { textPatterns } from './detectors/text-patterns';

export type { DarkPatternContext, DarkPatternDetector } from './support/context';

/**
 * Every dark-pattern detector, in the order they run. Structural detectors come before the text
 * classifier so that, on an element both report, the more specific finding is seen first (ties in
 * confidence keep the first).
 */
export const DARK_PATTERN_DETECTORS: readonly DarkPatternDetector[] = [
  consentDialog,
  confirmshaming,
  preselectedOptIn,
  naggingOverlay,
  softPrompt,
  countdown,
  obstruction,
  forcedAction,
  pressuredSelling,
  textPatterns,
];

/**
 * Run every dark-pattern detector on `root` (a `Pass` for the scanner). A detector that throws is
 * reported in `errors` with its id and the others still run; one finding per element, the most
 * confident one.
 */
export function detectDarkPatterns(root: ParentNode, given: DetectorContext, detectors: readonly DarkPatternDetector[] = DARK_PATTERN_DETECTORS): PassResult {
  // Without the scanner's index (unit tests, scripts), one `queryIndex` per root for the whole pass,
  // so the detectors share its memos (overlays, text units) as they share the index's in a page.
  let ctx = given;
  if (!ctx.index) {
    const indexes = new Map<ParentNode, PageIndex>();
    ctx = {
      ...given,
      index: (r) => {
        let index = indexes.get(r);
        if (!index) indexes.set(r, (index = queryIndex(r)));
        return index;
      },
    };
  }
  const errors: PassResult['errors'] = [];
  const best = new Map<Element, DarkPatternFinding>();
  for (const detector of detectors) {
    let found: Finding[];
    try {
      found = detector.detect(root, ctx);
    } catch (error) {
      errors.push({ detectorId: detector.id, error });
      continue;
    }
    for (const finding of found) {
      if (finding.kind !== 'dark-pattern') continue;
      const current = best.get(finding.element);
      if (!current || finding.confidence > current.confidence) best.set(finding.element, finding);
    }
  }
  return { findings: [...best.values()], errors };
}
