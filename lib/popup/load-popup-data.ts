import { browser } from 'wxt/browser';
import { tabState, type TabState } from '../messages';
import { openDatabase } from '../log/database';
import { getVisit, getVisitEvents, localDay, weekTotals, type PeriodTotals } from '../log/queries';
import { summarizeVisit, type VisitSummary } from '../log/summarize-visit';

export type PopupData =
  | { status: 'restricted'; tab: TabState }
  | { status: 'paused'; tab: TabState }
  | { status: 'no-visit'; tab: TabState }
  | { status: 'ready'; tab: TabState; summary: VisitSummary; siteWeek: PeriodTotals; week: PeriodTotals };

/** The tab the popup describes: `?tabId=` (tests, the dashboard), else the active tab. */
export async function resolveTabId(search: string): Promise<number | null> {
  const fromQuery = Number.parseInt(new URLSearchParams(search).get('tabId') ?? '', 10);
  if (Number.isSafeInteger(fromQuery) && fromQuery >= 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** Everything the popup shows for one tab. The background answers for the tab; the log for the rest. */
export async function loadPopupData(tabId: number): Promise<PopupData> {
  const answer: unknown = await browser.runtime.sendMessage({ type: 'get-tab-state', tabId });
  const parsed = tabState.safeParse(answer);
  if (!parsed.success) throw new Error('The background gave an answer Beaker does not understand.');
  const tab = parsed.data;
  if (tab.restricted) return { status: 'restricted', tab };
  if (tab.paused) return { status: 'paused', tab };
  if (!tab.visitId || !tab.site) return { status: 'no-visit', tab };
  const db = await openDatabase();
  const visit = await getVisit(db, tab.visitId);
  if (!visit) return { status: 'no-visit', tab };
  const today = localDay(new Date());
  const [events, siteWeek, week] = await Promise.all([getVisitEvents(db, visit.id), weekTotals(db, today, tab.site), weekTotals(db, today)]);
  return { status: 'ready', tab, summary: summarizeVisit(visit, events), siteWeek, week };
}

export async function setSitePaused(site: string, paused: boolean): Promise<void> {
  await browser.runtime.sendMessage({ type: 'set-site-paused', site, paused });
}

/** Outline units on the page (every frame's content script looks up its own), or clear with null. */
export async function showOnPage(tabId: number, items: { unitId: string; label: string }[] | null): Promise<void> {
  await browser.tabs.sendMessage(tabId, { type: 'highlight', items });
}
