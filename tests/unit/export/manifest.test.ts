import { describe, expect, it } from 'vitest';
import { INCOMPLETE_VISIT_IDS_CAP, ManifestBuilder, NO_FILTERS, manifest, registryDetectors } from '../../../lib/export/manifest';
import type { ExportRecord } from '../../../lib/export/records';
import { SCHEMA_VERSION } from '../../../lib/schema';
import { fixtureSession } from './fixture-session';

const session = fixtureSession();
const input = {
  producer: { name: 'cli', version: '0.1.0' },
  browsers: [{ name: 'chromium', version: '131.0' }],
  filters: NO_FILTERS,
  privacy: 'on' as const,
  exportedAt: '2026-12-01T00:00:00.000Z',
};

describe('ManifestBuilder', () => {
  it('counts per kind, collects versions from records and lists every registry detector', () => {
    const b = new ManifestBuilder();
    for (const r of session) b.observe(r);
    const m = b.build({ ...input, extensionVersions: ['0.2.0'] });
    expect(m.counts).toEqual({ visit: 2, tracker: 3, ad: 1, 'dark-pattern': 1, engagement: 2 });
    expect(m.schemaVersion).toBe(SCHEMA_VERSION);
    expect(m.extensionVersions).toEqual(['0.1.0', '0.2.0']);
    expect(m.trackerDbVersions).toEqual(['test/engine-0']);
    expect(m.privacy).toEqual({ mode: 'on', rulesVersion: 1 });
    expect(m.detectors.length).toBeGreaterThan(10);
    expect(m.detectors).toEqual(registryDetectors());
    expect(m.detectors.map((d) => d.versionedId)).toContain('ads/gpt-slot@1');
    // The fixture's shop visit is partial (schema 3: Beaker joined it late), so not seen from its start: incomplete.
    const shop = session.find((r) => r.kind === 'visit' && r.partial === true)!;
    expect(m.completeness).toMatchObject({ complete: 1, incomplete: 1, unknown: 0, incompleteVisitIds: [shop.id] });
    expect(manifest.safeParse(m).success).toBe(true);
  });

  it('tells complete from incomplete visits and caps the id list, saying so', () => {
    const b = new ManifestBuilder();
    const visit = session[0] as ExportRecord & { kind: 'visit' };
    b.observe({ ...visit, id: 'ok', seenFromStart: true, droppedEvents: 0 } as ExportRecord);
    b.observe({ ...visit, id: 'late', seenFromStart: false, droppedEvents: 0 } as ExportRecord);
    b.observe({ ...visit, id: 'dropped', seenFromStart: true, droppedEvents: 3 } as ExportRecord);
    // A visit without the fields (an older record) is unknown, never counted as complete.
    const { seenFromStart: _s, droppedEvents: _d, ...old } = visit as ExportRecord & { seenFromStart?: boolean; droppedEvents?: number };
    b.observe({ ...old, id: 'old' } as ExportRecord);
    let m = b.build(input);
    expect(m.completeness).toEqual({
      complete: 1,
      incomplete: 2,
      unknown: 1,
      incompleteVisitIds: ['late', 'dropped'],
      incompleteVisitIdsCap: INCOMPLETE_VISIT_IDS_CAP,
      incompleteVisitIdsTruncated: false,
    });
    for (let i = 0; i < INCOMPLETE_VISIT_IDS_CAP; i++) b.observe({ ...visit, id: `x${i}`, seenFromStart: false, droppedEvents: 1 } as ExportRecord);
    m = b.build(input);
    expect(m.completeness.incomplete).toBe(INCOMPLETE_VISIT_IDS_CAP + 2);
    expect(m.completeness.incompleteVisitIds).toHaveLength(INCOMPLETE_VISIT_IDS_CAP);
    expect(m.completeness.incompleteVisitIdsTruncated).toBe(true);
  });

  it('keeps a crawl manifest\'s own crawl details', () => {
    const m = { ...new ManifestBuilder().build(input), crawl: { listHash: 'abc', runs: [] } };
    expect(manifest.parse(m).crawl).toEqual({ listHash: 'abc', runs: [] });
  });

  it('refuses a manifest with bad fields', () => {
    const m = new ManifestBuilder().build(input);
    expect(manifest.safeParse({ ...m, schemaVersion: 99 }).success).toBe(false);
    expect(manifest.safeParse({ ...m, filters: { ...m.filters, kinds: ['cookie'] } }).success).toBe(false);
    expect(() => new ManifestBuilder().build({ ...input, exportedAt: 'yesterday' })).toThrow();
  });
});
