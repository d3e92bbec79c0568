import type { BeakerDatabase } from '../log/database';
import type { WriteQueue } from '../log/write-queue';
import { localDay } from '../log/queries';
import { daysOf, rankOf, seriesOf, siteView, withAdsSeen } from '../log/history-queries';
import { plotRollups, verifiedRollups } from '../log/rollup-repair';
import { whoFollows } from '../log/who-follows';
import { darkPatternsByCategory, evidencePage } from '../log/history-evidence';
import { deleteDays, deleteEventsOfVisits, deleteSite, type DeleteResult } from '../log/delete-records';
import type { DeleteAnswer, HistoryOverview, HistoryPlot, HistorySiteAnswer } from '../history-messages';
import type { PageHandlers } from './message-router';
import type { Recorder } from './recorder';
import type { TabVisits } from './tab-visits';

export type HistoryMessageType = 'get-history' | 'get-history-plot' | 'get-history-site' | 'get-evidence' | 'delete-site' | 'delete-days';

export interface HistoryDeps {
  database: BeakerDatabase;
  queue: WriteQueue;
  tabs: TabVisits;
  rec: Pick<Recorder, 'onCommitted'>;
  isPaused: (site: string) => boolean;
  now?: () => Date;
}

/**
 * The History dashboard's handlers (ARCHITECTURE.md, "History dashboard"). Reads flush the write
 * queue first, so the dashboard shows what the popup shows. Deletes run in one transaction each
 * (lib/log/delete-records.ts); the background is the only writer.
 */
export function createHistoryHandlers(deps: HistoryDeps): Pick<PageHandlers, HistoryMessageType> {
  const { database, queue, tabs, rec } = deps;
  const today = () => localDay(deps.now?.() ?? new Date());

  /**
   * After a delete, an open tab whose visit is gone starts a new one from zero (as "delete all
   * data" does). Events already queued for a deleted visit when it was deleted are written by the
   * next flush with no visit to count them; they are deleted then too.
   */
  async function afterDelete(result: DeleteResult): Promise<DeleteAnswer> {
    const deleted = new Set(result.visitIds);
    const open = tabs.all().flatMap((record) => (record.visit && deleted.has(record.visit.visitId) ? [{ tabId: record.tabId, ...record.visit }] : []));
    for (const { tabId, url } of open) await rec.onCommitted({ tabId, frameId: 0, url, adopted: true });
    if (open.length > 0) {
      await queue.flush();
      await deleteEventsOfVisits(database, open.map((visit) => visit.visitId));
    }
    return { deleted: true, visits: result.visits, events: result.events, siteDays: result.siteDays };
  }

  return {
    'get-history': async ({ span }): Promise<HistoryOverview> => {
      await queue.flush();
      const day = today();
      const days = daysOf(day, span);
      // The roll-ups checked (a day that fails is rebuilt from its events); the series, the
      // ranking, who follows you and the dark patterns' counts from them, the dark patterns'
      // sightings from the events of a few site-days.
      const rollups = await verifiedRollups(database, days[0]!, day);
      const darkPatterns = await darkPatternsByCategory(database, day, span, null, rollups);
      const series = withAdsSeen(seriesOf(days, rollups.siteDays), rollups.extras);
      const follows = whoFollows(days, rollups.orgs, rollups.siteDays);
      return { today: day, span, series, follows, sites: rankOf(rollups.siteDays), darkPatterns };
    },
    'get-history-plot': async ({ span }): Promise<HistoryPlot> => {
      await queue.flush();
      const day = today();
      const days = daysOf(day, span);
      const rollups = await plotRollups(database, days[0]!, day);
      return { today: day, span, series: withAdsSeen(seriesOf(days, rollups.siteDays), rollups.extras), sites: rankOf(rollups.siteDays) };
    },
    'get-history-site': async ({ site, span }): Promise<HistorySiteAnswer> => {
      await queue.flush();
      const day = today();
      const rollups = await verifiedRollups(database, daysOf(day, span)[0]!, day);
      const [view, darkPatterns] = await Promise.all([siteView(database, site, day, span, rollups.orgs), darkPatternsByCategory(database, day, span, site, rollups)]);
      return { today: day, span, view, darkPatterns, paused: deps.isPaused(site) };
    },
    'get-evidence': async ({ type: _type, ...query }) => {
      await queue.flush();
      return evidencePage(database, query);
    },
    'delete-site': async ({ site }) => {
      await queue.flush();
      return afterDelete(await deleteSite(database, site));
    },
    'delete-days': async ({ from, to }) => {
      await queue.flush();
      return afterDelete(await deleteDays(database, from <= to ? from : to, from <= to ? to : from));
    },
  };
}
