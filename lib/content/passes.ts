import type { Pass } from '../core/detector';
import { mergeSpecs, type IndexSpec } from '../core/page-index';
import { AD_DETECTORS, detectAds } from '../ads/detect-ads.ts';
import { DARK_PATTERN_DETECTORS, detectDarkPatterns } from '../dark-patterns/detect-dark-patterns.ts';
import { NOTIFICATION_HOOK_ID, NOTIFICATION_HOOK_VERSION } from '../dark-patterns/detectors/notification-hook';

/** `<detector id>@<version>`, as log records name the rule that fired (provenance). */
const VERSIONED = new Map<string, string>(
  [...AD_DETECTORS, ...DARK_PATTERN_DETECTORS, { id: NOTIFICATION_HOOK_ID, version: NOTIFICATION_HOOK_VERSION }].map((d) => [d.id, `${d.id}@${d.version}`]),
);
export function versionedDetectorId(id: string): string {
  return VERSIONED.get(id) ?? id;
}

/** What the one walk per root files: the union of every content detector's sources. */
export const CONTENT_INDEX_SPEC: IndexSpec = mergeSpecs([...AD_DETECTORS, ...DARK_PATTERN_DETECTORS].map((d) => d.sources));

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
