import { describe, expect, test } from 'vitest';
import { contentLengthOf, mayBeTinyImagePixel, tinyImageFinding, TINY_IMAGE_MAX_BYTES } from '../../../lib/trackers/tiny-image';
import { trackerFinding } from '../../../lib/schema';

const request = { url: 'https://px.unknown.example/p.gif?uid=1', host: 'px.unknown.example', type: 'image', thirdParty: true };

describe('detects', () => {
  test.each([35, 43, 68, TINY_IMAGE_MAX_BYTES])('a %i-byte third-party image with a query string', (bytes) => {
    const finding = tinyImageFinding(request, null, bytes);
    expect(finding).toMatchObject({ targeting: true, tracker: null, beacon: { kinds: ['tiny-image'] }, ruleId: 'beacon@1/tiny-image' });
    expect(trackerFinding.safeParse(finding).success).toBe(true);
  });

  test('keeps what the classifier knew about a non-targeting host, and adds the pixel reason', () => {
    const earlier = {
      ...request,
      requestType: 'image',
      targeting: false,
      tracker: { key: 'cloudflare', name: 'Cloudflare', category: 'hosting' as const, organization: { key: 'cloudflare', name: 'Cloudflare' }, matchedBy: 'domain' as const },
      beacon: null,
      reasons: [{ rule: 'trackerdb/domain', detail: 'Cloudflare (hosting)' }],
      ruleId: 'trackerdb/cloudflare',
    };
    const finding = tinyImageFinding(request, earlier, 43)!;
    expect(finding.tracker?.key).toBe('cloudflare');
    expect(finding.reasons.map((r) => r.rule)).toEqual(['trackerdb/domain', 'beacon@1/tiny-image']);
  });

  test.each([
    ['image', 'https://px.example/p.gif?id=1', true],
    ['image', 'https://px.example/p.gif', false],
    ['script', 'https://px.example/p.js?id=1', false],
  ])('holds a %s request %s for its headers: %s', (type, url, held) => {
    expect(mayBeTinyImagePixel(type, url, true)).toBe(held);
  });
});

describe('ignores', () => {
  test.each([[TINY_IMAGE_MAX_BYTES + 1], [3698], [null]])('a response of %s bytes', (bytes) => {
    expect(tinyImageFinding(request, null, bytes)).toBeNull();
  });

  test('first-party images are never held', () => {
    expect(mayBeTinyImagePixel('image', 'https://news.example/p.gif?id=1', false)).toBe(false);
  });

  test.each([
    [[{ name: 'Content-Length', value: '43' }], 43],
    [[{ name: 'content-length', value: ' 68 ' }], 68],
    [[{ name: 'Content-Length', value: 'abc' }], null],
    [[{ name: 'Content-Length', value: '-1' }], null],
    [[{ name: 'Content-Type', value: 'image/gif' }], null],
    [undefined, null],
  ])('Content-Length of %j is %s', (headers, expected) => {
    expect(contentLengthOf(headers)).toBe(expected);
  });
});
