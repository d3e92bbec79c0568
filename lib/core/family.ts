import type { Detector, Pass } from './detector';

/** The settings switch a family answers to (`settings.detectors.<key>`, lib/schema/settings.ts). */
export type FamilySettingsKey = 'trackers' | 'ads' | 'darkPatterns' | 'engagement';

/** The log record kind a family writes (lib/schema/events.ts). */
export type FamilyRecordKind = 'tracker' | 'ad' | 'dark-pattern' | 'engagement';

/** A finding made outside the page walk (a page-world hook, a watcher), named for provenance. */
export interface OutsideDetector {
  id: string;
  version: number;
  description: string;
}

/**
 * One family of findings (ARCHITECTURE.md, "The registry"): what it is called, the switch that
 * turns it off, the records it writes, and what the content script runs for it. The content script,
 * the recorder, the popup and the settings page read these from lib/registry.ts, and nothing else
 * lists families. Kept free of heavy imports: the content script loads every descriptor.
 */
export interface Family {
  /** Folder name under lib/ (`ads`, `dark-patterns`). */
  id: 'trackers' | 'ads' | 'dark-patterns' | 'engagement';
  version: number;
  settingsKey: FamilySettingsKey;
  recordKind: FamilyRecordKind;
  /** Shown on the settings page and in the popup's section titles. */
  label: string;
  /** One sentence for the settings page: what turning it off stops. */
  description: string;
  /** Page-walk detectors, one file each under `lib/<id>/detectors/`, in merge order. */
  detectors: readonly Detector[];
  /** Findings the content script makes outside the walk (the notification hook, the countdown watcher). */
  outside: readonly OutsideDetector[];
  /** The content pass over one root: every detector of the family, findings merged; absent: none in pages. */
  pass?: Pass;
  /**
   * Whether the pass runs in a frame served from an ad host. No for ads: such a frame is itself the
   * unit its parent counts, and looking inside it again would count the creative twice.
   */
  runsInAdFrames: boolean;
}
