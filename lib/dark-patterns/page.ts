import type { FamilyPage } from '../core/family';
import { DARK_PATTERN_DETECTORS, detectDarkPatterns } from './detect-dark-patterns';

/** The dark-patterns family in pages (ARCHITECTURE.md, "The registry"). */
export const darkPatternsPage: FamilyPage = {
  detectors: DARK_PATTERN_DETECTORS,
  pass: (root, ctx) => detectDarkPatterns(root, ctx),
  runsInAdFrames: true,
};
