import { adsFamily } from './ads/family';
import type { Detector } from './core/detector';
import type { Family, FamilyRecordKind } from './core/family';
import { mergeSpecs, type IndexSpec } from './core/page-index';
import { darkPatternsFamily } from './dark-patterns/family';
import { engagementFamily } from './engagement/family';
import { trackersFamily } from './trackers/family';

/**
 * The one list of families (ARCHITECTURE.md, "The registry"). Adding a detector: one file under
 * `lib/<family>/detectors/`, one line in its family's detector list, fixtures; the convention test
 * (tests/unit/registry.test.ts) checks all three.
 */
export const FAMILIES: readonly Family[] = [trackersFamily, adsFamily, darkPatternsFamily, engagementFamily];

/** Families with a pass the content script runs, in order. */
export const CONTENT_FAMILIES: readonly Family[] = FAMILIES.filter((f) => f.pass !== undefined);

/** Every page-walk detector of every family. */
export const CONTENT_DETECTORS: readonly Detector[] = CONTENT_FAMILIES.flatMap((f) => f.detectors);

/** What the one walk per root files: the union of every content detector's sources. */
export const CONTENT_INDEX_SPEC: IndexSpec = mergeSpecs(CONTENT_DETECTORS.map((d) => d.sources));

/** The family that writes records of `kind`. */
export function familyOf(kind: FamilyRecordKind): Family {
  return FAMILIES.find((f) => f.recordKind === kind)!;
}

/** `<detector id>@<version>`, as log records name the rule that fired (provenance). */
const VERSIONED = new Map<string, string>(
  FAMILIES.flatMap((f) => [...f.detectors, ...f.outside]).map((d) => [d.id, `${d.id}@${d.version}`]),
);
export function versionedDetectorId(id: string): string {
  return VERSIONED.get(id) ?? id;
}
