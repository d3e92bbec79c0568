import type { PatternType } from '../pattern-types';
import type { Detector, DetectorContext } from '../../core/detector';

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
