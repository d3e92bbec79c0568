import { adsFamily } from './ads/family';
import type { Family, FamilyId, FamilyRecordKind } from './core/family';
import { darkPatternsFamily } from './dark-patterns/family';
import { engagementFamily } from './engagement/family';
import type { Settings } from './schema/settings';
import { trackersFamily } from './trackers/family';

/**
 * The one list of families (ARCHITECTURE.md, "The registry"), in the order views show them. What a
 * family runs in pages is in lib/registry-page.ts, what it does in the background in
 * lib/registry-records.ts, both keyed by the ids listed here; the convention test
 * (tests/unit/registry.test.ts) checks all three against the folders. This file imports nothing
 * heavy: the content script, the background and every extension page load it.
 */
export const FAMILIES: readonly Family[] = [trackersFamily, adsFamily, darkPatternsFamily, engagementFamily];

/** A table with one entry per family, checked complete by the compiler. */
export type PerFamily<T> = { readonly [K in FamilyId]: T };

/** The family that writes records of `kind`. */
export function familyOf(kind: FamilyRecordKind): Family {
  return FAMILIES.find((f) => f.recordKind === kind)!;
}

/** Whether the settings let a family record (its switch on, before any per-site pause). */
export function familyOn(settings: Pick<Settings, 'detectors'>, family: Family): boolean {
  return settings.detectors[family.settingsKey];
}
