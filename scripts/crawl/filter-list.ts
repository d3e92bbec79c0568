import type { ExtensionBrowser } from '../lib/chromium';
import { watchServiceWorker } from '../lib/service-worker';
import { EASYLIST_URL, cosmeticLines, looksLikeFilterList } from '../../lib/ads/lists/easylist';
import { DEFAULT_SETTINGS } from '../../lib/schema/settings';

/**
 * `--filter-list FILE` (ARCHITECTURE.md, "Crawl"): every crawl browser gets a local copy of an
 * EasyList-syntax list instead of the extension downloading EasyList. A running background that
 * sees the setting go on fetches at once (lib/ads/lists/list-manager.ts), so the profile is
 * prepared the way a person's would be after a fetch: the service worker is stopped (CDP), the
 * list's cache item (`local:lists.easylist`, as the list manager stores it, freshly fetched) and the
 * setting are written in one storage write, and the worker starts again with both. The crawl then
 * checks that the list is loaded and that no fetch was made.
 */
interface ChromeLike {
  runtime: { sendMessage(message: unknown): Promise<any> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
}
declare const chrome: ChromeLike;

export function checkFilterList(text: string, file: string): string {
  if (!looksLikeFilterList(text)) throw new Error(`${file} does not look like a filter list in EasyList's syntax`);
  return cosmeticLines(text);
}

export async function loadFilterList(browser: ExtensionBrowser, cosmetic: string): Promise<void> {
  const ext = await browser.extensionPage();
  const sw = await watchServiceWorker(browser.context, ext, browser.extensionId);
  try {
    await sw.stop();
    await ext.evaluate(
      async ({ url, text, defaults }) => {
        const now = Date.now();
        const stored = (await chrome.storage.local.get('settings')).settings as typeof defaults | undefined;
        const settings = { ...(stored ?? defaults), lists: { ...(stored ?? defaults).lists, easylist: true } };
        await chrome.storage.local.set({ settings, 'lists.easylist': { url, fetchedAt: now, attemptedAt: now, text } });
      },
      { url: EASYLIST_URL, text: cosmetic, defaults: DEFAULT_SETTINGS },
    );
  } finally {
    await sw.detach().catch(() => undefined);
  }
  const deadline = Date.now() + 20_000;
  for (;;) {
    const lists = await ext.evaluate(async () => (await chrome.runtime.sendMessage({ type: 'get-diagnostics' })).lists as { state: string; fetches: number; lastError: string | null });
    if (lists.fetches > 0) throw new Error(`the extension fetched the filter list instead of using the local copy (${lists.lastError ?? lists.state})`);
    if (lists.state === 'ready') return;
    if (lists.state === 'unavailable' || Date.now() > deadline) {
      throw new Error(`the extension did not load the filter list (${lists.state}${lists.lastError ? `: ${lists.lastError}` : ''})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
