import type { Pass } from '../scan/scanner';
import { detectAds } from '../detectors/ads';
import { detectDarkPatterns } from '../detectors/dark-patterns';

export const adPass: Pass = (root, ctx) => detectAds(root, ctx);
export const darkPatternPass: Pass = (root, ctx) => detectDarkPatterns(root, ctx);

/** The detector groups the content script runs, in order. */
export const CONTENT_PASSES: readonly Pass[] = [adPass, darkPatternPass];

/**
 * Passes for a frame. A frame served from an ad host is itself the ad unit, counted by its parent
 * frame; looking for ads inside it again would count the creative twice.
 */
export function passesForFrame(frameIsAd: boolean): readonly Pass[] {
  return frameIsAd ? [darkPatternPass] : CONTENT_PASSES;
}
