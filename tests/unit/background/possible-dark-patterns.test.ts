import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { popupDataFor } from '../../../lib/background/popup-data';
import type { TabRecord } from '../../../lib/background/tab-visits';
import { openDatabase, siteDayKey, type BeakerDatabase } from '../../../lib/log/database';
import { darkPatternsByCategory, evidencePage } from '../../../lib/log/history-evidence';
import { getVisit, getVisitEvents, localDay } from '../../../lib/log/queries';
import { verifiedRollups } from '../../../lib/log/rollup-repair';
import { createWriteQueue, type WriteQueue } from '../../../lib/log/write-queue';
import { exportRecord } from '../../../lib/export/records';
import { columnsOf } from '../../../lib/export/columns';
import { popupData, type FindingReport } from '../../../lib/messages';
import { targetedCount, type LogEvent } from '../../../lib/schema';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/schema/settings';
import { testRecorder } from './test-recorder';

/**
 * Issue #11, item 4, end to end: a finding below the threshold is recorded `possible` and counted
 * nowhere (badge, visit, site-day, history), listed as possible in the popup, exported with its
 * flag; a confident one is counted everywhere (ARCHITECTURE.md, "Dark patterns: what is found, and
 * how sure").
 */
const NOW = new Date(2026, 10, 20, 12);
const TODAY = localDay(NOW);
const TAB = 3;
const URL = 'https://shop.example/product';

let db: BeakerDatabase;
let n = 0;
beforeEach(async () => {
  db = await openDatabase(`beaker-possible-dp-${n++}`);
});
afterEach(() => db.close());

function report(unitId: string, type: string, category: string, confidence: number): Extract<FindingReport, { kind: 'dark-pattern' }> {
  return {
    kind: 'dark-pattern',
    unitId,
    detectorId: `dark-patterns/${type}@1`,
    category,
    type,
    confidence,
    evidence: `${type} on the page`,
    locator: `#${unitId}`,
    explanationId: `dark-pattern/${type}`,
    reasons: [],
  };
}

/** A recorder writing through a real write queue into `db`; `badge` is the targeted count the badge was last told. */
async function recording(settings: Settings) {
  const errors: unknown[] = [];
  const queue: WriteQueue = createWriteQueue(async () => db, { onError: (e) => errors.push(e) });
  const badge = { targeted: -1 };
  const { recorder } = await testRecorder({ classify: () => null }, {
    queue,
    settings: () => settings,
    now: () => NOW,
    onTabChanged: (record: TabRecord) => {
      if (record.visit) badge.targeted = targetedCount(record.visit.counts);
    },
  });
  await recorder.onCommitted({ tabId: TAB, frameId: 0, url: URL });
  return { recorder, queue, badge, errors };
}

const darkPatterns = (events: LogEvent[]) => events.flatMap((e) => (e.kind === 'dark-pattern' ? [e] : []));

describe('possible dark patterns are decided when recorded and counted nowhere', () => {
  test('one confident and one possible finding: badge, visit, site-day, history, popup and export agree', async () => {
    const settings = structuredClone(DEFAULT_SETTINGS); // threshold absent: 0.6
    const { recorder, queue, badge, errors } = await recording(settings);
    // A possible finding of a category of its own, and one of the confident finding's category.
    const findings = [report('sure', 'countdown-timer', 'urgency', 0.9), report('maybe', 'nagging-overlay', 'attention', 0.45), report('hurry', 'limited-time', 'urgency', 0.3)];
    expect(recorder.onFindings(findings, TAB, 0)).toBe(3);
    // The badge: the confident finding only.
    expect(badge.targeted).toBe(1);
    await queue.flush();
    expect(errors).toEqual([]);

    const visitId = (await db.getAll('visits'))[0]!.id;
    const visit = (await getVisit(db, visitId))!;
    const events = darkPatterns(await getVisitEvents(db, visitId));
    // Both are kept, each with what was decided.
    expect(events.map((e) => [e.unitId, e.possible])).toEqual([
      ['sure', false],
      ['maybe', true],
      ['hurry', true],
    ]);
    expect(visit.counts.darkPattern).toBe(1);
    const day = (await db.get('siteDays', siteDayKey(visit.site, visit.day)))!;
    expect(day.counts.darkPattern).toBe(1);
    const extra = (await db.get('siteDayExtras', siteDayKey(visit.site, visit.day)))!;
    expect(extra.patterns).toEqual([{ category: 'urgency', type: 'countdown-timer', explanationId: 'dark-pattern/countdown-timer', n: 1 }]);

    // A day rebuilt from its events (a lost or corrupt extra) leaves them out the same way.
    await db.delete('siteDayExtras', extra.key);
    const repaired = await verifiedRollups(db, TODAY, TODAY);
    expect(repaired.rebuilt).toEqual([TODAY]);
    expect(repaired.extras.find((e) => e.key === extra.key)?.patterns).toEqual(extra.patterns);

    // History: dark patterns by category and the evidence behind the count.
    const byCategory = await darkPatternsByCategory(db, TODAY, 7);
    expect(byCategory.total).toBe(1);
    expect(byCategory.categories.map((c) => [c.category, c.count, c.sightings.map((s) => s.type)])).toEqual([['urgency', 1, ['countdown-timer']]]);
    const evidence = await evidencePage(db, { site: null, from: TODAY, to: TODAY, count: 'darkPattern', offset: 0, limit: 10 });
    expect(evidence.total).toBe(1);
    expect(evidence.items.map((i) => i.event.kind === 'dark-pattern' && i.event.unitId)).toEqual(['sure']);

    // The popup: Targeted 1, the possible one listed apart.
    const answer = await popupDataFor(db, { tabId: TAB, visitId, url: URL, site: 'shop.example', restricted: false, paused: false }, NOW, settings);
    expect(popupData.safeParse(answer).success).toBe(true);
    if (answer.status !== 'ready') throw new Error(`popup status ${answer.status}`);
    expect(answer.summary.targeted).toBe(1);
    expect(answer.summary.darkPatterns.flatMap((g) => g.items.map((i) => i.unitId))).toEqual(['sure']);
    expect(answer.summary.possibleDarkPatterns.flatMap((g) => g.items.map((i) => i.unitId))).toEqual(['maybe', 'hurry']);

    // The export keeps both, with the flag, as a column too.
    const exported = events.map((e) => exportRecord.safeParse(e));
    expect(exported.every((p) => p.success)).toBe(true);
    expect(exported.map((p) => p.success && 'possible' in p.data && p.data.possible)).toEqual([false, true, true]);
    expect(columnsOf('dark-pattern').map((c) => c.name)).toContain('possible');
  });

  test('the threshold in force when a finding is recorded decides; changing it applies to later findings', async () => {
    const settings: Settings = { ...structuredClone(DEFAULT_SETTINGS), darkPatternMinConfidence: 0.5 };
    const { recorder, queue, badge } = await recording(settings);
    recorder.onFindings([report('early', 'low-stock-message', 'scarcity', 0.55)], TAB, 0);
    expect(badge.targeted).toBe(1);
    settings.darkPatternMinConfidence = 0.8;
    recorder.onFindings([report('late', 'countdown-timer', 'urgency', 0.7)], TAB, 0);
    expect(badge.targeted).toBe(1);
    await queue.flush();

    const visitId = (await db.getAll('visits'))[0]!.id;
    expect(darkPatterns(await getVisitEvents(db, visitId)).map((e) => [e.unitId, e.possible])).toEqual([
      ['early', false],
      ['late', true],
    ]);
    expect((await getVisit(db, visitId))!.counts.darkPattern).toBe(1);
    // The popup reads the flags, not the threshold now: the badge and the popup agree.
    const answer = await popupDataFor(db, { tabId: TAB, visitId, url: URL, site: 'shop.example', restricted: false, paused: false }, NOW, settings);
    if (answer.status !== 'ready') throw new Error(`popup status ${answer.status}`);
    expect(answer.summary.targeted).toBe(1);
    expect(answer.summary.darkPatterns.flatMap((g) => g.items.map((i) => i.unitId))).toEqual(['early']);
    expect(answer.summary.possibleDarkPatterns.flatMap((g) => g.items.map((i) => i.unitId))).toEqual(['late']);
  });
});
