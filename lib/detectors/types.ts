import type { Reason } from '../schema/common';
import type { TrackerCategory } from '../schema/events';
import type { CountdownReadout } from './dark-patterns/support/context';

/** What the background's classifier says about a URL a page element loads from. */
export interface HostVerdict {
  category: TrackerCategory;
  organization: string | null;
  targeting: boolean;
}

/**
 * What a detector may read besides the DOM. Everything is passed in, so detectors run under
 * happy-dom and in Node as they run in a page (STYLE.md: pass environment in).
 */
export interface DetectorContext {
  /** The page's window: `getComputedStyle`, `innerWidth`/`innerHeight`, `location`. */
  win: Window;
  /** The page language (`<html lang>`, lower case, e.g. `de`), when known. */
  lang: string | null;
  /** TrackerDB's verdict on a URL (iframe, image or script source), when the background gave one. */
  verdict(url: string): HostVerdict | null;
  now(): number;
  /** When the document started loading, on the `now()` clock. */
  loadedAt?: number;
  /** When the person last pressed a key or pointer (trusted events only); `null`: not yet. */
  lastUserGestureAt?: number | null;
  /** Countdowns confirmed by watching text change (lib/detectors/dark-patterns/watch-countdowns.ts). */
  countdowns?: CountdownReadout;
}

interface BaseFinding {
  /** `<group>/<id>` of the detector, e.g. `ads/gpt-slot`. */
  detectorId: string;
  /** The element the finding is about: the outermost unit for ads, the prompt for dark patterns. */
  element: Element;
  /** Which rule fired, on what evidence (page text cut to 200 characters, never rendered as HTML). */
  reasons: Reason[];
}

export interface AdFinding extends BaseFinding {
  kind: 'ad';
  /** Ad network or stack, when known (`Google Ad Manager`, `Taboola`). */
  network: string | null;
}

export interface DarkPatternFinding extends BaseFinding {
  kind: 'dark-pattern';
  category: string;
  type: string;
  confidence: number;
  /** Visible text that shows the pattern, capped. */
  evidence: string;
  /** Key of the plain-language explanation shown in the popup. */
  explanationId: string;
}

export type Finding = AdFinding | DarkPatternFinding;

/** One capability, one file (STYLE.md): a pure function over a DOM subtree. */
export interface Detector {
  /** `<group>/<id>`; the id equals the file name. */
  id: string;
  version: number;
  /** One sentence on what it finds, for docs and the eval report. */
  description: string;
  /**
   * Findings inside `root` (an element, or the document). No storage, no messaging, no timers:
   * it may be called again on a subtree that changed, and must not report outside `root`.
   */
  detect(root: ParentNode, ctx: DetectorContext): Finding[];
}
