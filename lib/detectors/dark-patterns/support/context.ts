import type { DetectorContext } from '../../types';

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
 * Time facts and observations the dark-pattern detectors can use, beyond `DetectorContext`. All
 * optional, so a plain `DetectorContext` is one (the detectors then say less, never throw).
 * Proposed for `DetectorContext` itself; times use the `ctx.now()` clock (epoch ms in the
 * content script).
 */
export interface DarkPatternContext extends DetectorContext {
  /** When the document started loading (`performance.timeOrigin` in the content script). */
  loadedAt?: number;
  /**
   * When the person last pressed a key, clicked or touched (trusted events only); `null` when they
   * have not yet; absent when unknown. Tells an overlay the person opened from one that jumped out.
   */
  lastUserGestureAt?: number | null;
  /** Countdowns confirmed by watching text change (`watch-countdowns.ts`). */
  countdowns?: CountdownReadout;
}
