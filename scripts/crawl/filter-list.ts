import type { Page } from 'playwright-core';
import { EASYLIST_URL, cosmeticLines, looksLikeFilterList } from '../../lib/ads/lists/easylist';

/**
 * `--filter-list FILE` (ARCHITECTURE.md, "Crawl"): give every crawl browser a local copy of an
 * EasyList-syntax list instead of letting the extension download EasyList. The list goes into the
 * extension's own cache (`local:lists.easylist`, as lib/ads/lists/list-manager.ts stores it, freshly
 * fetched), then the setting is switched on and the crawl waits until the list is loaded; no
 * request is made.
 */
interface ChromeLike {
  runtime: { sendMessage(message: unknown): Promise<any> };
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
}
declare const chrome: ChromeLike;

export function checkFilterList(text: string, file: string): string {
  if (!looksLikeFilterList(text)) throw new Error(`${file} does not look like a filter list in EasyList's syntax`);
  return cosmeticLines(text);
}

export async function loadFilterList(ext: Page, cosmetic: string): Promise<void> {
  await ext.evaluate(
    async ({ url, text }) => {
      const now = Date.now();
      await chrome.storage.local.set({ 'lists.easylist': { url, fetchedAt: now, attemptedAt: now, text } });
      await chrome.runtime.sendMessage({ type: 'update-settings', settings: { lists: { easylist: true } } });
    },
    { url: EASYLIST_URL, text: cosmetic },
  );
  const deadline = Date.now() + 20_000;
  for (;;) {
    const state = await ext.evaluate(async () => (await chrome.runtime.sendMessage({ type: 'get-diagnostics' })).lists as { state: string; fetches: number; lastError: string | null });
    if (state.state === 'ready') return;
    if (state.state === 'unavailable' || Date.now() > deadline) {
      throw new Error(`the extension did not load the filter list (${state.state}${state.lastError ? `: ${state.lastError}` : ''})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
