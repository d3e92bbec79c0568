import type { Pass } from '../scan/scanner';
import { detectDarkPatterns } from '../detectors/dark-patterns';

/** The detector groups the content script runs, in order. */
export const CONTENT_PASSES: readonly Pass[] = [(root, ctx) => detectDarkPatterns(root, ctx)];
