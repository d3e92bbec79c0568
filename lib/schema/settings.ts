import { z } from 'zod/mini';

export const SETTINGS_VERSION = 1;

export const settings = z.object({
  version: z.literal(SETTINGS_VERSION),
  /** Days a record is kept; older records and roll-ups are deleted at start-up and once a day. */
  retentionDays: z.int().check(z.gte(1), z.lte(3650)),
  detectors: z.object({
    trackers: z.boolean(),
    ads: z.boolean(),
    darkPatterns: z.boolean(),
    engagement: z.boolean(),
  }),
  /** Sites (registrable domains) where Beaker is paused: nothing is recorded there. */
  pausedSites: z.array(z.string().check(z.maxLength(253))).check(z.maxLength(10_000)),
  /**
   * Public filter lists used to *detect* more ad units (never to hide anything). Off by default:
   * turning one on makes the background fetch it from the list's site once a day, the only
   * network request Beaker makes of its own (lib/ads/lists/list-manager.ts).
   */
  lists: z.object({
    easylist: z.boolean(),
  }),
  /**
   * Record in private (incognito) windows too. Off by default (absent means off, so settings stored
   * before it existed need no migration): Beaker records nothing there, even where the browser lets
   * it run (issue #9, item 5).
   */
  recordPrivateWindows: z.optional(z.boolean()),
  /**
   * Dark-pattern findings less confident than this (0..1) are shown as "possible" and not counted in
   * Targeted (issue #11, item 4). Absent means DEFAULT_DARK_PATTERN_MIN_CONFIDENCE, so settings
   * stored before it existed need no migration.
   */
  darkPatternMinConfidence: z.optional(z.number().check(z.gte(0), z.lte(1))),
});
export type Settings = z.infer<typeof settings>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  retentionDays: 90,
  detectors: { trackers: true, ads: true, darkPatterns: true, engagement: true },
  pausedSites: [],
  lists: { easylist: false },
};

/**
 * The default threshold for counting a dark-pattern finding (`npm run eval` prints how often
 * findings were right per confidence band). Below it sit the detectors' weak readings: a
 * nagging overlay whose timing is unknown, a pattern found inside long prose (text-patterns scales
 * those by 0.6), a ticked box whose label is only nearby text.
 */
export const DEFAULT_DARK_PATTERN_MIN_CONFIDENCE = 0.6;

/** The threshold the settings ask for, or the default. */
export function darkPatternMinConfidence(settings: Partial<Pick<Settings, 'darkPatternMinConfidence'>> | undefined): number {
  const value = settings?.darkPatternMinConfidence;
  return typeof value === 'number' && value >= 0 && value <= 1 ? value : DEFAULT_DARK_PATTERN_MIN_CONFIDENCE;
}
