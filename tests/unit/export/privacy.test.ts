import { describe, expect, it } from 'vitest';
import { applyPrivacy, privacyTransform, privateUrl } from '../../../lib/export/privacy';
import { exportRecord, type ExportRecord } from '../../../lib/export/records';
import { fixtureSession } from './fixture-session';

const session = fixtureSession();
const byKind = <K extends ExportRecord['kind']>(kind: K) => session.filter((r) => r.kind === kind) as Extract<ExportRecord, { kind: K }>[];

describe('privateUrl', () => {
  it('keeps scheme, registrable domain and path; drops subdomain, userinfo, port, query and fragment', () => {
    expect(privateUrl('https://www.news.example/article/42?utm_source=mail#comments')).toBe('https://news.example/article/42');
    expect(privateUrl('http://user:pw@a.b.shop.co.uk:8080/p/q;x?y=1')).toBe('http://shop.co.uk/p/q;x');
    expect(privateUrl('https://example.org')).toBe('https://example.org/');
    expect(privateUrl('https://alice.github.io/diary/?q=1')).toBe('https://alice.github.io/diary/');
    expect(privateUrl('http://127.0.0.1:3000/x?y')).toBe('http://127.0.0.1/x');
    expect(privateUrl('https://a.example/#/search?q=secret')).toBe('https://a.example/');
    expect(privateUrl('data:text/html,<b>hi</b>')).toBe('data:');
  });
});

describe('applyPrivacy', () => {
  const before = structuredClone(session);
  const out = session.map(applyPrivacy);

  it('keeps every record valid and never changes its input', () => {
    for (const r of out) expect(exportRecord.safeParse(r).success).toBe(true);
    expect(session).toEqual(before);
    expect(byKind('dark-pattern')[0]!.evidence).toContain('Alice');
  });

  it('strips every URL field of query strings and fragments', () => {
    for (const r of out) {
      const urls = r.kind === 'visit' ? [r.url] : r.kind === 'tracker' ? [r.url, r.topUrl] : [r.topUrl];
      for (const u of urls) {
        expect(u).not.toMatch(/[?#]/);
        expect(u).toMatch(/^https:\/\/[a-z.-]+\//);
      }
    }
    expect(out[0]).toMatchObject({ kind: 'visit', url: 'https://news.example/article/42', arrivalParams: ['utm_source'] });
  });

  it('keeps third-party hosts, reduces first-party ones, and cleans URLs inside tracker details', () => {
    const trackers = out.filter((r) => r.kind === 'tracker');
    expect(trackers.map((t) => t.host)).toEqual(['www.google-analytics.com', 'www.facebook.com', 'shop.example']);
    expect(trackers[2]!.reasons[0]!.detail).toBe('see https://shop.example/collect');
    expect(trackers[1]!.reasons[1]!.detail).toBe('Meta Pixel endpoint www.facebook.com/tr');
  });

  it('drops page text: dark-pattern evidence and ad and dark-pattern reason details, keeping rules', () => {
    const pattern = out.find((r) => r.kind === 'dark-pattern')!;
    const ad = out.find((r) => r.kind === 'ad')!;
    expect(pattern).toMatchObject({ evidence: '', category: 'scarcity', type: 'low-stock', confidence: 0.8 });
    expect(pattern.kind === 'dark-pattern' && pattern.reasons).toEqual([{ rule: 'text@1/scarcity/low-stock', detail: '' }]);
    expect(ad.kind === 'ad' && ad.reasons).toEqual([{ rule: 'ads/gpt-slot@1/slot-div', detail: '' }]);
    expect(JSON.stringify(out)).not.toContain('Alice');
  });

  it('is the identity when off', () => {
    const off = privacyTransform('off');
    for (const r of session) expect(off(r)).toBe(r);
    expect(privacyTransform('on')(session[0]!)).toEqual(out[0]);
  });
});
