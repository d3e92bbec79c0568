import type { BeakerDatabase } from '../log/database';
import { visitChunkRange, unpackChunks, MAX_CHUNK_EVENTS } from '../log/event-chunks';
import { getVisit, inRecordedOrder, localDay, weekTotals } from '../log/queries';
import { summarizeVisit } from '../log/summarize-visit';
import type { PopupData, TabState } from '../messages';

/**
 * `get-popup-data`'s answer. `partial` (ready answers): Beaker joined the visit late (schema 3,
 * the visit's `partial`; ARCHITECTURE.md, "Requests Beaker did not see"), so its counts may miss
 * what happened before: the popup must not say "Nothing targeted you here" for it.
 */
export type PopupAnswer = PopupData | (Extract<PopupData, { status: 'ready' }> & { partial?: true });
import { FAMILIES, familyOn } from '../registry';
import { DEFAULT_SETTINGS, type Settings } from '../schema/settings';

/**
 * Most event chunks the popup's details are read from (at most 10 × 500 events). The counts it
 * shows are the visit's roll-up, always complete; only the lists (organizations, ad units, dark
 * patterns) are built from these records. A page that floods the log cannot slow the popup down
 * (issue #13): reading and folding 5,000 events takes tens of milliseconds, 100,000 seconds.
 */
export const POPUP_MAX_CHUNKS = 10;
export const POPUP_MAX_EVENTS = POPUP_MAX_CHUNKS * MAX_CHUNK_EVENTS;

/**
 * `get-popup-data`: everything the popup shows for a tab, read from the log here, in the background
 * (the popup never opens the database). The visit's events (a bounded share of them) are read once
 * and folded into the summary; only the summary crosses to the popup.
 */
export async function popupDataFor(
  db: BeakerDatabase,
  tab: TabState,
  now: Date = new Date(),
  settings: Pick<Settings, 'detectors' | 'darkPatternMinConfidence'> = DEFAULT_SETTINGS,
): Promise<PopupAnswer> {
  // Private windows (issue #9, item 5): nothing recorded there unless the settings allow it.
  if (tab.private) return { status: 'private', tab };
  if (tab.restricted) return { status: 'restricted', tab };
  if (tab.paused) return { status: 'paused', tab };
  if (!tab.visitId || !tab.site) return { status: 'no-visit', tab };
  const visit = await getVisit(db, tab.visitId);
  if (!visit) return { status: 'no-visit', tab };
  const today = localDay(now);
  const range = visitChunkRange(visit.id);
  const [chunks, siteWeek, week] = await Promise.all([db.getAll('eventChunks', range, POPUP_MAX_CHUNKS), weekTotals(db, today, tab.site), weekTotals(db, today)]);
  const events = inRecordedOrder(unpackChunks(chunks));
  // Capped: more chunks than were read (counted by key, without reading them).
  const detailsCapped = chunks.length === POPUP_MAX_CHUNKS && (await db.count('eventChunks', range)) > POPUP_MAX_CHUNKS;
  const { visit: _visit, ...summary } = summarizeVisit(visit, events, settings);
  const off = FAMILIES.filter((f) => !familyOn(settings, f)).map((f) => f.id);
  // Present only when true: the popup's schema (lib/messages.ts `popupData`) takes it as `partial?: boolean`.
  return { status: 'ready', tab, summary, siteWeek, week, off, detailsCapped, ...(visit.partial ? { partial: true as const } : {}) };
}
