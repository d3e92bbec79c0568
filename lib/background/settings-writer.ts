import { sanitizeSettings } from '../settings';
import type { Settings } from '../schema/settings';
import type { SettingsPatch } from '../messages';

/**
 * The one writer of the settings. Extension pages ask the background (`update-settings`,
 * `set-site-paused`); the background applies each change to what is stored, one change at a time,
 * so two changes made at once (a pause in the popup, a detector in the settings page) both land.
 */
export interface SettingsWriter {
  /** Apply `change` to the stored settings, validate the result, store it; resolves with what was stored. */
  update(change: (current: Settings) => Settings): Promise<Settings>;
}

export interface SettingsStore {
  read(): Promise<Settings>;
  write(settings: Settings): Promise<void>;
  /** After each write, with what was written (the background's own copy follows at once). */
  onWritten?(settings: Settings): void;
}

export function createSettingsWriter(store: SettingsStore): SettingsWriter {
  let last: Promise<unknown> = Promise.resolve();
  return {
    update(change) {
      const run = last.then(async () => {
        const next = sanitizeSettings(change(await store.read()));
        await store.write(next);
        store.onWritten?.(next);
        return next;
      });
      last = run.catch(() => undefined);
      return run;
    },
  };
}

/** `current` with the fields `patch` names replaced (detectors and lists one by one). */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  return {
    ...current,
    retentionDays: patch.retentionDays ?? current.retentionDays,
    detectors: { ...current.detectors, ...patch.detectors },
    pausedSites: patch.pausedSites ? [...new Set(patch.pausedSites)] : current.pausedSites,
    lists: { ...current.lists, ...patch.lists },
    ...(patch.recordPrivateWindows !== undefined ? { recordPrivateWindows: patch.recordPrivateWindows } : {}),
  };
}

/** `current` with `site` added to, or removed from, the paused sites. */
export function withSitePaused(current: Settings, site: string, paused: boolean): Settings {
  const others = current.pausedSites.filter((s) => s !== site);
  return { ...current, pausedSites: paused ? [...others, site] : others };
}
