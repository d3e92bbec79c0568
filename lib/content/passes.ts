import type { Pass } from '../core/detector';
import type { FamilySettingsKey } from '../core/family';
import { CONTENT_FAMILIES } from '../registry';

export { CONTENT_INDEX_SPEC, versionedDetectorId } from '../registry';

/** A content pass and the settings switch of its family (the content script runs none that is off). */
export interface FamilyContentPass {
  /** Trackers are found in the background only: no family with a content pass answers to that switch. */
  family: Exclude<FamilySettingsKey, 'trackers'>;
  pass: Pass;
}

/** The passes the content script runs, in registry order. */
export const CONTENT_PASSES: readonly Pass[] = CONTENT_FAMILIES.map((f) => f.pass!);

/** Every content pass with its family's settings switch, in registry order (start-content.ts skips a family that is off). */
export const FAMILY_PASSES: readonly FamilyContentPass[] = CONTENT_FAMILIES.flatMap((f) =>
  f.settingsKey === 'trackers' ? [] : [{ family: f.settingsKey, pass: f.pass! }],
);
