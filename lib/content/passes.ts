import type { Pass } from '../scan/scanner';

/** The detector groups the content script runs, in order. */
export const CONTENT_PASSES: readonly Pass[] = [];
