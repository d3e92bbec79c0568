import { browser } from 'wxt/browser';
import { sanitizeSettings, settingsItem } from '../settings';
import { siteOf } from '../trackers/url';
import { settings as settingsSchema, type Settings } from '../schema/settings';
import type { SettingsPatch } from '../messages';
import { t } from '../i18n/i18n';

/**
 * The settings page reads the settings from `storage.local` and watches them there; it never writes
 * them. Every change is a message to the background, the one writer, which answers with what it
 * stored.
 */
export async function updateSettings(patch: SettingsPatch): Promise<Settings> {
  const answer: unknown = await browser.runtime.sendMessage({ type: 'update-settings', settings: patch });
  const parsed = settingsSchema.safeParse(answer);
  if (!parsed.success) throw new Error(t('options_not_confirmed'));
  return parsed.data;
}

/** Pause (or resume) one site, as the popup does: one site at a time, so changes made at once all land. */
export async function setSitePaused(site: string, paused: boolean): Promise<void> {
  const answer = (await browser.runtime.sendMessage({ type: 'set-site-paused', site, paused })) as { paused?: boolean } | undefined;
  if (answer?.paused !== paused) throw new Error(t('options_not_confirmed'));
}

export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => onChange(sanitizeSettings(value)));
}

/** A site as the person typed it (`https://www.example.co.uk/x`, `news.example.co.uk`) → `example.co.uk`. */
export function normaliseSiteInput(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed) return null;
  try {
    const host = new URL(/^[a-z]+:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`).hostname;
    // Pausing works on sites (registrable domains), as visits are recorded.
    return /^[a-z0-9.-]+$/.test(host) && host.includes('.') ? siteOf(`https://${host}/`) : null;
  } catch {
    return null;
  }
}

/** "Delete all data": the background owns the database, so it does the deleting. */
export async function deleteAllData(): Promise<void> {
  const answer = (await browser.runtime.sendMessage({ type: 'delete-all-data' })) as { deleted?: boolean } | undefined;
  if (!answer?.deleted) throw new Error(t('options_not_deleted'));
}
