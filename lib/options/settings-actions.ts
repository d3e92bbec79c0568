import { browser } from 'wxt/browser';
import { getSettings, sanitizeSettings, settingsItem } from '../settings';
import { siteOf } from '../trackers/url';
import type { Settings } from '../schema/settings';

/** Apply a change to the stored settings; the result is validated like anything read back. */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = sanitizeSettings(change(await getSettings()));
  await settingsItem.setValue(next);
  return next;
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
  if (!answer?.deleted) throw new Error('The background did not confirm the deletion.');
}
