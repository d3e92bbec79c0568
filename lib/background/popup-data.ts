import type { BeakerDatabase } from '../log/database';
import { getVisit, getVisitEvents, localDay, weekTotals } from '../log/queries';
import { summarizeVisit } from '../log/summarize-visit';
import type { PopupData, TabState } from '../messages';
import { FAMILIES, familyOn } from '../registry';
import { DEFAULT_SETTINGS, type Settings } from '../schema/settings';

/**
 * `get-popup-data`: everything the popup shows for a tab, read from the log here, in the background
 * (the popup never opens the database). The visit's events are read once and folded into the
 * summary; only the summary crosses to the popup.
 */
export async function popupDataFor(
  db: BeakerDatabase,
  tab: TabState,
  now: Date = new Date(),
  settings: Pick<Settings, 'detectors'> = DEFAULT_SETTINGS,
): Promise<PopupData> {
  // Private windows (issue #9, item 5): nothing recorded there unless the settings allow it.
  if (tab.private) return { status: 'private', tab };
  if (tab.restricted) return { status: 'restricted', tab };
  if (tab.paused) return { status: 'paused', tab };
  if (!tab.visitId || !tab.site) return { status: 'no-visit', tab };
  const visit = await getVisit(db, tab.visitId);
  if (!visit) return { status: 'no-visit', tab };
  const today = localDay(now);
  const [events, siteWeek, week] = await Promise.all([getVisitEvents(db, visit.id), weekTotals(db, today, tab.site), weekTotals(db, today)]);
  const { visit: _visit, ...summary } = summarizeVisit(visit, events);
  const off = FAMILIES.filter((f) => !familyOn(settings, f)).map((f) => f.id);
  return { status: 'ready', tab, summary, siteWeek, week, off };
}
