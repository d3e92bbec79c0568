import type { PatternType } from '../pattern-types';
import type { Detector, DetectorContext } from '../../core/detector';

/** A countdown the tracker saw counting down in step with the clock (see `countdown.ts`). */
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

/**
 * The time facts and observations dark-pattern detectors use (`loadedAt`, `lastUserGestureAt`,
 * `countdowns`) are optional fields of `DetectorContext` itself: without them detectors say less,
 * never throw. Times use the `ctx.now()` clock (epoch ms in the content script).
 */
export type DarkPatternContext = DetectorContext;

/** A dark-pattern detector names the types it reports (the eval scores it on those). */
export interface DarkPatternDetector extends Detector {
  types: readonly PatternType[];
}
