import { storage } from '#imports';
import { DEFAULT_SETTINGS, settings as settingsSchema, type Settings } from './schema/settings';

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
  const merged = { ...DEFAULT_SETTINGS, ...(typeof raw === 'object' && raw !== null ? raw : {}) };
  const retry = settingsSchema.safeParse(merged);
  return retry.success ? retry.data : DEFAULT_SETTINGS;
}

export async function getSettings(): Promise<Settings> {
  return sanitizeSettings(await settingsItem.getValue());
}
