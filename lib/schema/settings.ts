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
});
export type Settings = z.infer<typeof settings>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  retentionDays: 90,
  detectors: { trackers: true, ads: true, darkPatterns: true, engagement: true },
  pausedSites: [],
  lists: { easylist: false },
};
