import { defineUnlistedScript } from '#imports';
import { textFactsBatch } from '@/lib/dark-patterns/text-facts';
import { TEXT_CLASSIFIER_GLOBAL, type TextFactsFn } from '@/lib/background/text-facts-cache';

/**
 * The text classifier as a classic script of its own, loaded by the background on the first
 * `classify-texts` (lib/background/text-facts-cache.ts): a worker start evaluates none of its rules.
 */
export default defineUnlistedScript(() => {
  (globalThis as { [TEXT_CLASSIFIER_GLOBAL]?: TextFactsFn })[TEXT_CLASSIFIER_GLOBAL] = textFactsBatch;
});
