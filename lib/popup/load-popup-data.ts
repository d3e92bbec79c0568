import { browser } from 'wxt/browser';
import { highlightMessage, popupData, type PopupData } from '../messages';
import { t } from '../i18n/i18n';

export type { PopupData };

/** The tab the popup describes: `?tabId=` (tests, the dashboard), else the active tab. */
export async function resolveTabId(search: string): Promise<number | null> {
  const fromQuery = Number.parseInt(new URLSearchParams(search).get('tabId') ?? '', 10);
  if (Number.isSafeInteger(fromQuery) && fromQuery >= 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/**
 * Everything the popup shows for one tab, in one answer from the background (`get-popup-data`),
 * which reads the log: the popup never opens the database itself.
 */
export async function loadPopupData(tabId: number): Promise<PopupData> {
  const answer: unknown = await browser.runtime.sendMessage({ type: 'get-popup-data', tabId });
  const parsed = popupData.safeParse(answer);
  if (!parsed.success) throw new Error(t('popup_bad_answer'));
  return parsed.data;
}

/** Pause or resume a site: the background writes the setting. */
export async function setSitePaused(site: string, paused: boolean): Promise<void> {
  await browser.runtime.sendMessage({ type: 'set-site-paused', site, paused });
}

/**
 * Outline units on the page (every frame's content script looks up its own), or clear with null.
 * Checked here against the schema; the content script checks the same shape again by hand (zod
 * would add to what every frame loads).
 */
export async function showOnPage(tabId: number, items: { unitId: string; label: string }[] | null): Promise<void> {
  const capped = items && items.slice(0, 200).map((i) => ({ unitId: i.unitId.slice(0, 80), label: i.label.slice(0, 120) }));
  await browser.tabs.sendMessage(tabId, highlightMessage.parse({ type: 'highlight', items: capped }));
}
