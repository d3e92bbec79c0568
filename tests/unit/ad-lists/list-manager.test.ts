/**
 * lib/ads/lists/list-manager.ts with a fake fetch and a fake clock: off never fetches; on fetches at
 * most once a day (a failure is retried after an hour); failures are counted and answered with no
 * selectors; nothing it is handed makes it throw.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EASYLIST_URL } from '../../../lib/ads/lists/easylist';
import { createListManager, easylistCacheItem, FETCH_INTERVAL_MS, RETRY_INTERVAL_MS, type ListManager, type ListStore } from '../../../lib/ads/lists/list-manager';
import type { ListSelectorsMessage } from '../../../lib/messages';

const LIST = readFileSync(join(__dirname, '../../fixtures/lists/test-easylist.txt'), 'utf8');
const START = Date.UTC(2025, 2, 14, 9, 0, 0);
const HOUR = 3600_000;

/** A news.example page with a banner, a sidebar slot and a site rule's box. */
const QUESTION: Omit<ListSelectorsMessage, 'type'> = { url: 'https://news.example/story', site: true, classes: ['ad-banner', 'article'], ids: ['sidebar-ad'], hrefs: [] };
const EXPECTED = ['.ad-banner', '#sidebar-ad', '.sponsored-box', '#partner-rail', 'div[data-ad-slot-name]', 'div[data-broken'];

type Reply = { status?: number; body?: string; headers?: Record<string, string> } | Error;

let clock: number;
let enabled: boolean;
let replies: Reply[];
let fetched: { url: string; init: RequestInit }[];
let reported: string[];
let stored: unknown;
let store: ListStore;

const fakeFetch = async (url: string, init: RequestInit): Promise<Response> => {
  fetched.push({ url, init });
  const reply = replies.shift() ?? { body: LIST };
  if (reply instanceof Error) throw reply;
  return new Response(reply.body ?? '', { status: reply.status ?? 200, headers: reply.headers });
};

function manager(overrides: Partial<Parameters<typeof createListManager>[0]> = {}): ListManager {
  return createListManager({ enabled: () => enabled, fetch: fakeFetch, store, now: () => clock, report: (what) => reported.push(what), ...overrides });
}

beforeEach(() => {
  clock = START;
  enabled = true;
  replies = [];
  fetched = [];
  reported = [];
  stored = null;
  store = {
    getValue: async () => structuredClone(stored),
    setValue: async (value) => void (stored = structuredClone(value)),
    removeValue: async () => void (stored = null),
  };
});

describe('off (the default)', () => {
  test('never fetches, whatever is asked, and answers off with no selectors', async () => {
    enabled = false;
    const lists = manager();
    await lists.sync();
    for (let i = 0; i < 5; i++) {
      expect(await lists.answer(QUESTION)).toEqual({ state: 'off', selectors: [] });
      clock += FETCH_INTERVAL_MS;
    }
    await lists.sync();
    expect(fetched).toEqual([]);
    expect(lists.diagnostics).toMatchObject({ state: 'off', fetches: 0 });
  });

  test('does not fetch even with a stale cache, and deletes the cache', async () => {
    stored = { url: EASYLIST_URL, fetchedAt: START - 10 * FETCH_INTERVAL_MS, attemptedAt: START - 10 * FETCH_INTERVAL_MS, text: '##.old' };
    enabled = false;
    await manager().sync();
    expect(fetched).toEqual([]);
    expect(stored).toBeNull();
  });

  test('turned off while a fetch is under way: the result is dropped and nothing is cached', async () => {
    let release!: () => void;
    const lists = manager({
      fetch: async (url, init) => {
        await new Promise<void>((resolve) => (release = resolve));
        return fakeFetch(url, init);
      },
    });
    const first = lists.sync();
    await vi.waitFor(() => expect(release).toBeTypeOf('function'));
    enabled = false;
    await lists.sync();
    release();
    await first;
    expect(stored).toBeNull();
    expect(await lists.answer(QUESTION)).toEqual({ state: 'off', selectors: [] });
  });
});

describe('on', () => {
  test('fetches once, without cookies or referrer, and answers from the list', async () => {
    const lists = manager();
    expect(await lists.answer(QUESTION)).toEqual({ state: 'ready', selectors: EXPECTED });
    expect(fetched.map((f) => f.url)).toEqual([EASYLIST_URL]);
    expect(fetched[0]!.init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
    expect(lists.diagnostics).toMatchObject({ state: 'ready', fetches: 1, fetchFailures: 0, parseFailures: 0, fetchedAt: START });
  });

  test.each([
    { name: 'just after', after: 1, fetches: 1 },
    { name: 'an hour later', after: HOUR, fetches: 1 },
    { name: 'a minute short of a day', after: FETCH_INTERVAL_MS - 60_000, fetches: 1 },
    { name: 'a day later', after: FETCH_INTERVAL_MS, fetches: 2 },
    { name: 'a week later', after: 7 * FETCH_INTERVAL_MS, fetches: 2 },
  ])('at most once per 24 h: asked again $name, $fetches fetch(es)', async ({ after, fetches }) => {
    const lists = manager();
    await lists.answer(QUESTION);
    clock += after;
    for (let i = 0; i < 3; i++) expect((await lists.answer(QUESTION)).selectors).toEqual(EXPECTED);
    await lists.sync();
    expect(fetched.length).toBe(fetches);
  });

  test('a restarted worker reads the cache instead of fetching, within the day', async () => {
    await manager().sync();
    clock += 6 * HOUR;
    const restarted = manager();
    expect(await restarted.answer(QUESTION)).toEqual({ state: 'ready', selectors: EXPECTED });
    expect(fetched.length).toBe(1);
    // Only the cosmetic lines are cached: the blocking rules are gone.
    expect(stored).toMatchObject({ url: EASYLIST_URL, fetchedAt: START, attemptedAt: START });
    expect((stored as { text: string }).text).not.toContain('||ads.adnet.example^');
  });

  test('the cache in WXT storage.local (local:lists.easylist) by default', async () => {
    await createListManager({ enabled: () => true, fetch: fakeFetch, now: () => clock }).sync();
    expect(await easylistCacheItem.getValue()).toMatchObject({ url: EASYLIST_URL, fetchedAt: START });
    expect(Object.keys(await fakeBrowser.storage.local.get())).toContain('lists.easylist');
  });

  test('a stale list keeps answering while the new one is fetched', async () => {
    const lists = manager();
    await lists.sync();
    clock += FETCH_INTERVAL_MS + 1;
    replies = [{ body: '[Adblock Plus 2.0]\n##.new-rule' }];
    // The refresh runs behind the answer.
    expect((await lists.answer(QUESTION, 0)).state).toBe('ready');
    await lists.sync();
    expect(await lists.answer({ ...QUESTION, classes: ['new-rule'], site: false })).toEqual({ state: 'ready', selectors: ['.new-rule'] });
    expect(fetched.length).toBe(2);
  });

  test('a question while the first fetch is under way waits a little, then is told loading', async () => {
    let release!: () => void;
    const lists = manager({
      fetch: async (url, init) => {
        await new Promise<void>((resolve) => (release = resolve));
        return fakeFetch(url, init);
      },
    });
    expect(await lists.answer(QUESTION, 5)).toEqual({ state: 'loading', selectors: [] });
    release();
    await lists.sync();
    expect(await lists.answer(QUESTION, 5)).toEqual({ state: 'ready', selectors: EXPECTED });
  });

  test('a page that is not a web page gets nothing', async () => {
    const lists = manager();
    expect(await lists.answer({ ...QUESTION, url: 'about:blank' })).toEqual({ state: 'ready', selectors: [] });
  });
});

describe('failures are counted, answered with no selectors, and never thrown', () => {
  test.each<{ name: string; reply: Reply; counter: 'fetchFailures' | 'parseFailures' }>([
    { name: 'the network is down', reply: new TypeError('Failed to fetch'), counter: 'fetchFailures' },
    { name: 'HTTP 503', reply: { status: 503, body: 'Service Unavailable' }, counter: 'fetchFailures' },
    { name: 'HTTP 404', reply: { status: 404, body: '' }, counter: 'fetchFailures' },
    { name: 'a captive portal’s HTML page', reply: { body: '<!doctype html><title>Wi-Fi login</title>##' }, counter: 'fetchFailures' },
    { name: 'an empty body', reply: { body: '' }, counter: 'fetchFailures' },
    { name: 'a body declared far too large', reply: { body: LIST, headers: { 'content-length': String(64 * 1024 * 1024) } }, counter: 'fetchFailures' },
  ])('$name', async ({ reply, counter }) => {
    replies = [reply];
    const lists = manager();
    expect(await lists.answer(QUESTION, 0)).toEqual({ state: 'off', selectors: [] });
    expect(lists.diagnostics[counter]).toBe(1);
    expect(lists.diagnostics.state).toBe('unavailable');
    expect(lists.diagnostics.lastError).toMatch(/failed/);
    expect(reported.length).toBe(1);
  });

  test('a failed fetch is retried after an hour, not sooner; then the list arrives', async () => {
    replies = [new TypeError('Failed to fetch')];
    const lists = manager();
    await lists.sync();
    clock += RETRY_INTERVAL_MS - 1;
    expect((await lists.answer(QUESTION, 0)).selectors).toEqual([]);
    expect(fetched.length).toBe(1);
    clock += 1;
    expect(await lists.answer(QUESTION)).toEqual({ state: 'ready', selectors: EXPECTED });
    expect(fetched.length).toBe(2);
    expect(lists.diagnostics).toMatchObject({ fetches: 2, fetchFailures: 1, state: 'ready' });
  });

  test('a failed refresh keeps the list it had', async () => {
    const lists = manager();
    await lists.sync();
    clock += FETCH_INTERVAL_MS;
    replies = [{ status: 500 }];
    await lists.answer(QUESTION);
    await lists.sync();
    expect(await lists.answer(QUESTION)).toEqual({ state: 'ready', selectors: EXPECTED });
    expect(lists.diagnostics.fetchFailures).toBe(1);
    // And the failure is remembered, so a restarted worker does not fetch again within the hour.
    const restarted = manager();
    expect((await restarted.answer(QUESTION)).selectors).toEqual(EXPECTED);
    expect(fetched.length).toBe(2);
  });

  test.each([
    { name: 'junk in storage', value: 'not a cache' },
    { name: 'a cache of the wrong shape', value: { url: EASYLIST_URL, fetchedAt: 'yesterday', text: 42 } },
    { name: 'a cache of another list', value: { url: 'https://example.test/other.txt', fetchedAt: START, attemptedAt: START, text: '##.other' } },
    { name: 'a cache from the future (clock set back)', value: { url: EASYLIST_URL, fetchedAt: START + 30 * FETCH_INTERVAL_MS, attemptedAt: START + 30 * FETCH_INTERVAL_MS, text: '##.future' } },
  ])('$name: ignored, the list is fetched', async ({ value }) => {
    stored = value;
    expect(await manager().answer(QUESTION)).toEqual({ state: 'ready', selectors: EXPECTED });
    expect(fetched.length).toBe(1);
  });

  test.each([
    { name: 'binary junk after a list header', body: '[Adblock Plus 2.0]\n\u0000\u0001\uFFFF\n##\n###\n#@#\n##[\n' },
    { name: 'a header and nothing else', body: '[Adblock Plus 2.0]\n' },
    { name: 'only blocking rules', body: '! Title: blocking only\n||ads.example^\n||b.example^$image' },
  ])('corrupt list text ($name): no throw, no selectors', async ({ body }) => {
    replies = [{ body }];
    const lists = manager();
    const answer = await lists.answer(QUESTION);
    expect(answer.selectors.filter((s) => EXPECTED.includes(s))).toEqual([]);
  });

  test('a store that fails is reported, and the list still answers', async () => {
    store = { getValue: () => Promise.reject(new Error('quota')), setValue: () => Promise.reject(new Error('quota')), removeValue: () => Promise.reject(new Error('quota')) };
    const lists = manager();
    expect(await lists.answer(QUESTION)).toEqual({ state: 'ready', selectors: EXPECTED });
    expect(reported).toContain('cache write failed');
    enabled = false;
    await expect(lists.sync()).resolves.toBeUndefined();
  });
});

describe('the download also feeds the network rules (issue #10)', () => {
  test('each fresh download is handed over whole; turning the setting off says so once; a cached copy is not handed over again', async () => {
    const seen: (string | null)[] = [];
    const lists = manager({ onDownloaded: (text) => void seen.push(text) });
    await lists.sync();
    expect(seen).toEqual([LIST]);
    // Within the day: the cache serves, nothing is downloaded, nothing handed over.
    await lists.sync();
    expect(seen).toHaveLength(1);
    enabled = false;
    await lists.sync();
    await lists.sync();
    expect(seen).toEqual([LIST, null]);
  });

  test('a body that is not a filter list is not handed over', async () => {
    const seen: (string | null)[] = [];
    replies = [{ body: '<html>captive portal</html>' }];
    await manager({ onDownloaded: (text) => void seen.push(text) }).sync();
    expect(seen).toEqual([]);
  });
});
