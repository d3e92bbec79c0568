import type { FamilyPage } from '../core/family';
import { AD_DETECTORS, detectAds } from './detect-ads';

/** The ads family in pages (ARCHITECTURE.md, "The registry"). */
export const adsPage: FamilyPage = {
  detectors: AD_DETECTORS,
  pass: (root, ctx) => detectAds(root, ctx),
  runsInAdFrames: false,
};
