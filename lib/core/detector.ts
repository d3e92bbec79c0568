import type { IndexSpec, PageIndex } from './page-index';
import type { Reason } from '../schema/common';
import type { TrackerCategory } from '../schema/events';

/** What the background's classifier says about a URL a page element loads from. */
export interface HostVerdict {
  category: TrackerCategory;
  organization: string | null;
  targeting: boolean;
}

/** What a consent-dialog button does, judged from its label. */
export type ButtonRole = 'accept' | 'reject' | 'settings' | 'other';

/** The text classifier's verdict on a string (lib/dark-patterns/classify-text.ts). */
export interface TextVerdict {
  category: string;
  /** A dark-pattern type of the taxonomy (lib/dark-patterns/pattern-types.ts). */
  type: string;
  confidence: number;
  /** `text/<type>/<n>@<version>`. */
  ruleId: string;
  explanationId: string;
}

/** Everything the text classifiers say about one string. */
export interface TextFacts {
  pattern: TextVerdict | null;
  button: ButtonRole;
  /** Text about dark patterns (news, research), not a pattern itself. */
  discourse: boolean;
  /**
   * The structural detectors' wording the text matched (lib/dark-patterns/support/structural-words.ts):
   * matched text by rule key. Always set in an answer; absent only while the answer is not known
   * yet (the content script's placeholder), so a detector can tell "no match" from "not asked".
   */
  words?: Readonly<Record<string, string>>;
}

/** A countdown the tracker saw counting down in step with the clock (lib/dark-patterns/detectors/countdown.ts). */
export interface CountdownSighting {
  element: Element;
  /** The text at the last sample, e.g. `Offer ends in 04:59`. */
  text: string;
  /** Seconds the displayed value fell, and seconds that passed meanwhile, over `samples` samples. */
  fell: number;
  elapsed: number;
  samples: number;
}

/** A read-only view of the countdowns confirmed so far. */
export interface CountdownReadout {
  confirmed(): readonly CountdownSighting[];
}

/** Longest text a detector asks about; longer strings are judged on their start. */
export const MAX_TEXT_FACT_LENGTH = 500;

/**
 * What a detector may read besides the DOM. Everything is passed in, so detectors run under
 * happy-dom and in Node as they run in a page (ARCHITECTURE.md: pass environment in).
 */
export interface DetectorContext {
  /** The page's window: `getComputedStyle`, `innerWidth`/`innerHeight`, `location`. */
  win: Window;
  /** The page language (`<html lang>`, lower case, e.g. `de`), when known. */
  lang: string | null;
  /** TrackerDB's verdict on a URL (iframe, image or script source), when the background gave one. */
  verdict(url: string): HostVerdict | null;
  /**
   * What the text classifiers say about a string, in the page language. In the extension the
   * background answers (the rules stay out of the content script) and the scanner runs a pass again
   * once it has; under Node and in tests it is computed directly (lib/dark-patterns/text-facts.ts).
   */
  text(text: string): TextFacts;
  now(): number;
  /** When the document started loading, on the `now()` clock. */
  loadedAt?: number;
  /** When the person last pressed a key or pointer (trusted events only); `null`: not yet. */
  lastUserGestureAt?: number | null;
  /** Countdowns confirmed by watching text change (lib/content/watch-countdowns.ts). */
  countdowns?: CountdownReadout;
  /**
   * EasyList element-hiding selectors that may match this page, all parseable here, when the person
   * turned the list on (lib/ads/lists/, lib/content/list-selectors.ts); undefined or empty otherwise.
   */
  listSelectors?: readonly string[];
  /**
   * The one walk's index of a root (lib/core/page-index.ts), built once per root per batch by the
   * scanner; detectors reach it through `indexOf(root, ctx)`, which builds one when absent.
   */
  index?: (root: ParentNode) => PageIndex;
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

export interface PassResult {
  findings: Finding[];
  errors: { detectorId: string; error: unknown }[];
}

/** A family's detectors run together on one root (`detectAds`, `detectDarkPatterns`). */
export type Pass = (root: ParentNode, ctx: DetectorContext) => PassResult;

/**
 * A detector context that may learn during a run: `settle` fetches what the detectors asked for
 * and did not know yet (text verdicts), and says whether anything new arrived.
 */
export interface ScanContext extends DetectorContext {
  settle?: () => Promise<boolean>;
  /** How many questions so far had no answer yet: the jobs that asked are the ones run again. */
  misses?: () => number;
}

/** One capability, one file (ARCHITECTURE.md, "Adding a detector"): a pure function over a DOM subtree. */
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
  /** What its `select` calls draw candidates from: the walk files exactly the union of these. */
  sources: Partial<IndexSpec>;
}
