import { storage } from '#imports';
import { DEFAULT_SETTINGS, settings as settingsSchema, type Settings } from './schema/settings';
import type { ContentSettings } from './messages';

/**
 * Settings live in `storage.local` as one versioned item; views watch it instead of polling.
 * A stored value that fails the schema (hand-edited, or from a future version) falls back to the
 * defaults for the fields that are wrong, never to a crash.
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export function sanitizeSettings(raw: unknown): Settings {
  const parsed = settingsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const stored = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const shape = settingsSchema.shape;
  const field = <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, value: unknown, fallback: T): T => {
    const result = schema.safeParse(value);
    return result.success ? result.data : structuredClone(fallback);
  };
  // Field by field (detectors one by one, paused sites entry by entry): one corrupt field must not
  // cost the person their other choices, least of all the sites they paused.
  const storedDetectors = (typeof stored.detectors === 'object' && stored.detectors !== null ? stored.detectors : {}) as Record<string, unknown>;
  const detectorShape = shape.detectors.shape;
  const storedLists = (typeof stored.lists === 'object' && stored.lists !== null ? stored.lists : {}) as Record<string, unknown>;
  return {
    version: DEFAULT_SETTINGS.version,
    retentionDays: field(shape.retentionDays, stored.retentionDays, DEFAULT_SETTINGS.retentionDays),
    detectors: {
      trackers: field(detectorShape.trackers, storedDetectors.trackers, DEFAULT_SETTINGS.detectors.trackers),
      ads: field(detectorShape.ads, storedDetectors.ads, DEFAULT_SETTINGS.detectors.ads),
      darkPatterns: field(detectorShape.darkPatterns, storedDetectors.darkPatterns, DEFAULT_SETTINGS.detectors.darkPatterns),
      engagement: field(detectorShape.engagement, storedDetectors.engagement, DEFAULT_SETTINGS.detectors.engagement),
    },
    pausedSites: Array.isArray(stored.pausedSites)
      ? field(shape.pausedSites, stored.pausedSites.filter((s) => shape.pausedSites.safeParse([s]).success), DEFAULT_SETTINGS.pausedSites)
      : structuredClone(DEFAULT_SETTINGS.pausedSites),
    lists: {
      easylist: field(shape.lists.shape.easylist, storedLists.easylist, DEFAULT_SETTINGS.lists.easylist),
    },
    // Absent (or not a boolean): off, the default.
    ...(typeof stored.recordPrivateWindows === 'boolean' ? { recordPrivateWindows: stored.recordPrivateWindows } : {}),
    // Absent or out of range: the default threshold (darkPatternMinConfidence in schema/settings.ts).
    ...(shape.darkPatternMinConfidence.safeParse(stored.darkPatternMinConfidence).success && typeof stored.darkPatternMinConfidence === 'number'
      ? { darkPatternMinConfidence: stored.darkPatternMinConfidence }
      : {}),
  };
}

export async function getSettings(): Promise<Settings> {
  return sanitizeSettings(await settingsItem.getValue());
}

/**
 * What a content script on `site` may do (`get-content-settings`): nothing at all on a paused site;
 * otherwise the detector families that are on. `site` null: a page with no site, never paused.
 */
export function contentSettingsFor(settings: Settings, site: string | null): ContentSettings {
  const { ads, darkPatterns, engagement } = settings.detectors;
  return { paused: site !== null && settings.pausedSites.includes(site), families: { ads, darkPatterns, engagement }, lists: settings.lists.easylist };
}
