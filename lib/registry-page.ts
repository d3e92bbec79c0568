import { adsPage } from './ads/page';
import type { Detector, Pass } from './core/detector';
import type { Family, FamilyPage, FamilySettingsKey } from './core/family';
import { mergeSpecs, type IndexSpec } from './core/page-index';
import { darkPatternsPage } from './dark-patterns/page';
import { FAMILIES, type PerFamily } from './registry';

/**
 * What each family runs in pages, by family id (ARCHITECTURE.md, "The registry"); null: nothing
 * (trackers are found on the network, engagement by its input watcher). The content script and the
 * export manifest read this; the background never loads it (it holds every detector).
 */
const PAGES: PerFamily<FamilyPage | null> = {
  trackers: null,
  ads: adsPage,
  'dark-patterns': darkPatternsPage,
  engagement: null,
};

/** A family with what it runs in pages. */
export interface PageFamily extends Family, FamilyPage {}

/** Families with a pass the content script runs, in registry order. */
export const CONTENT_FAMILIES: readonly PageFamily[] = FAMILIES.flatMap((f) => {
  const page = PAGES[f.id];
  return page ? [{ ...f, ...page }] : [];
});

/** A family's walk detectors (none for a family that runs nothing in pages). */
export function detectorsOf(family: Family): readonly Detector[] {
  return PAGES[family.id]?.detectors ?? [];
}

/** Every page-walk detector of every family. */
export const CONTENT_DETECTORS: readonly Detector[] = CONTENT_FAMILIES.flatMap((f) => f.detectors);

/** What the one walk per root files: the union of every content detector's sources. */
export const CONTENT_INDEX_SPEC: IndexSpec = mergeSpecs(CONTENT_DETECTORS.map((d) => d.sources));

/** A content pass and the settings switch of its family (the content script runs none that is off). */
export interface FamilyContentPass {
  /** Trackers are found in the background only: no family with a content pass answers to that switch. */
  family: Exclude<FamilySettingsKey, 'trackers'>;
  pass: Pass;
}

/** Every content pass with its family's settings switch, in registry order. */
export const FAMILY_PASSES: readonly FamilyContentPass[] = CONTENT_FAMILIES.flatMap((f) =>
  f.settingsKey === 'trackers' ? [] : [{ family: f.settingsKey, pass: f.pass }],
);

/** `<detector id>@<version>`, as log records name the rule that fired (provenance). */
const VERSIONED = new Map<string, string>(
  FAMILIES.flatMap((f) => [...detectorsOf(f), ...f.outside]).map((d) => [d.id, `${d.id}@${d.version}`]),
);
export function versionedDetectorId(id: string): string {
  return VERSIONED.get(id) ?? id;
}
