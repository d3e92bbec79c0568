/**
 * The `list-selectors` message (lib/messages.ts): what a content script may ask, what is malformed
 * or oversized, and that the largest message the caps allow still fits under MAX_MESSAGE_BYTES.
 */
import { describe, expect, test } from 'vitest';
import { contentMessage, MAX_MESSAGE_BYTES, pageMessage, parseMessage } from '../../../lib/messages';
import { LIST_NAME, MAX_LIST_HREF_CHARS, MAX_LIST_HREFS_PER_MESSAGE, MAX_LIST_NAMES_PER_MESSAGE } from '../../../lib/message-limits';

const ASK = { type: 'list-selectors', url: 'https://news.example/story', site: false, classes: ['ad-banner', 'article_body'], ids: ['sidebar-ad'], hrefs: ['https://click.adnet.example/c?id=1'] };
const names = (n: number, length = 64) => Array.from({ length: n }, (_, i) => `${i}`.padStart(length, 'x'));
const hrefs = (n: number, length = MAX_LIST_HREF_CHARS) => Array.from({ length: n }, (_, i) => `https://click.adnet.example/${i}`.padEnd(length, 'q'));

describe('accepts', () => {
  test.each([
    { name: 'a batch of names and links', raw: ASK },
    { name: 'the first question of a document: site rules, no names', raw: { ...ASK, site: true, classes: [], ids: [], hrefs: [] } },
    { name: 'names with digits, underscores and hyphens', raw: { ...ASK, classes: ['-x', '_y', 'a-1_b', 'AD'] } },
    { name: `${MAX_LIST_NAMES_PER_MESSAGE} classes and ids, ${MAX_LIST_HREFS_PER_MESSAGE} links`, raw: { ...ASK, classes: names(MAX_LIST_NAMES_PER_MESSAGE, 10), ids: names(MAX_LIST_NAMES_PER_MESSAGE, 10), hrefs: hrefs(MAX_LIST_HREFS_PER_MESSAGE, 40) } },
  ])('$name', ({ raw }) => {
    expect(parseMessage(contentMessage, raw)).toEqual({ ok: true, message: raw });
  });

  test('the largest message the caps allow fits under MAX_MESSAGE_BYTES', () => {
    const largest = {
      ...ASK,
      url: `https://news.example/${'p'.repeat(2048 - 'https://news.example/'.length)}`,
      site: true,
      classes: names(MAX_LIST_NAMES_PER_MESSAGE),
      ids: names(MAX_LIST_NAMES_PER_MESSAGE),
      hrefs: hrefs(MAX_LIST_HREFS_PER_MESSAGE),
    };
    expect(JSON.stringify(largest).length).toBeLessThan(MAX_MESSAGE_BYTES);
    expect(parseMessage(contentMessage, largest).ok).toBe(true);
  });
});

describe('rejects as malformed', () => {
  test.each([
    { name: 'no url', raw: { ...ASK, url: undefined } },
    { name: 'a url over 2048 characters', raw: { ...ASK, url: `https://news.example/${'p'.repeat(2048)}` } },
    { name: 'site missing', raw: { ...ASK, site: undefined } },
    { name: 'site a string', raw: { ...ASK, site: 'yes' } },
    { name: 'classes a string', raw: { ...ASK, classes: 'ad-banner' } },
    { name: 'a class with a space', raw: { ...ASK, classes: ['ad banner'] } },
    { name: 'a class with a dot (a selector, not a name)', raw: { ...ASK, classes: ['.ad-banner'] } },
    { name: 'a class with a quote', raw: { ...ASK, classes: ['ad"banner'] } },
    { name: 'a non-ASCII class', raw: { ...ASK, classes: ['реклама'] } },
    { name: 'an empty class', raw: { ...ASK, classes: [''] } },
    { name: 'a 65-character class', raw: { ...ASK, classes: ['x'.repeat(65)] } },
    { name: 'an id with a colon', raw: { ...ASK, ids: ['ad:1'] } },
    { name: 'a numeric id', raw: { ...ASK, ids: [42] } },
    { name: `${MAX_LIST_NAMES_PER_MESSAGE + 1} classes`, raw: { ...ASK, classes: names(MAX_LIST_NAMES_PER_MESSAGE + 1, 4) } },
    { name: `${MAX_LIST_NAMES_PER_MESSAGE + 1} ids`, raw: { ...ASK, ids: names(MAX_LIST_NAMES_PER_MESSAGE + 1, 4) } },
    { name: `${MAX_LIST_HREFS_PER_MESSAGE + 1} links`, raw: { ...ASK, hrefs: hrefs(MAX_LIST_HREFS_PER_MESSAGE + 1, 30) } },
    { name: `a link over ${MAX_LIST_HREF_CHARS} characters`, raw: { ...ASK, hrefs: hrefs(1, MAX_LIST_HREF_CHARS + 1) } },
    { name: 'a link that is an object', raw: { ...ASK, hrefs: [{ href: 'https://x.example/' }] } },
  ])('$name', ({ raw }) => {
    expect(parseMessage(contentMessage, raw)).toEqual({ ok: false, error: 'malformed' });
  });

  test('from an extension page: not a page message', () => {
    expect(parseMessage(pageMessage, ASK)).toEqual({ ok: false, error: 'malformed' });
  });
});

describe('rejects as oversized', () => {
  test.each([
    { name: 'thousands of classes', raw: { ...ASK, classes: names(2000, 40) } },
    { name: 'a giant padding field', raw: { ...ASK, padding: 'x'.repeat(MAX_MESSAGE_BYTES) } },
  ])('$name', ({ raw }) => {
    expect(parseMessage(contentMessage, raw)).toEqual({ ok: false, error: 'oversized' });
  });
});

test.each([
  { name: 'ad-banner', ok: true },
  { name: 'x'.repeat(64), ok: true },
  { name: 'x'.repeat(65), ok: false },
  { name: 'a b', ok: false },
  { name: 'a\\b', ok: false },
  { name: '', ok: false },
])('LIST_NAME: "$name" → $ok', ({ name, ok }) => {
  expect(LIST_NAME.test(name)).toBe(ok);
});
