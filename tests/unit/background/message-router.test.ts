import { beforeEach, describe, expect, test } from 'vitest';
import { createMessageRouter, type DropReason, type MessageSender } from '../../../lib/background/message-router';
import { MAX_ACTS_PER_MESSAGE, MAX_MESSAGE_BYTES, type EngagementAct } from '../../../lib/messages';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

const ACT: EngagementAct = { action: 'click', at: 1_741_944_413_589, target: { tag: 'button', role: null } };
const ENGAGEMENT = { type: 'engagement', acts: [ACT] };

const FROM_TAB: MessageSender = { id: EXTENSION_ID, url: 'https://news.example/article', tab: { id: 7 }, frameId: 3 };
const FROM_TOP_FRAME: MessageSender = { id: EXTENSION_ID, url: 'https://news.example/article', tab: { id: 7 } };
const FROM_POPUP: MessageSender = { id: EXTENSION_ID, url: `${ORIGIN}popup.html` };
const FROM_DASHBOARD_TAB: MessageSender = { id: EXTENSION_ID, url: `${ORIGIN}dashboard.html`, tab: { id: 12 }, frameId: 0 };

type Deps = Parameters<typeof createMessageRouter>[0];
type Table = 'content' | 'page';

let dropped: { reason: DropReason; from: string }[];
let calls: { table: Table; type: string; args: unknown[] }[];
let route: ReturnType<typeof createMessageRouter>;

/** A handler table that records every call, whatever message types the catalogue has grown. */
function recordingTable<T extends object>(table: Table): T {
  return new Proxy({} as T, {
    get: (_target, type) =>
      typeof type === 'string'
        ? (...args: unknown[]) => {
            calls.push({ table, type, args });
            return { handled: type, by: table };
          }
        : undefined,
  });
}

beforeEach(() => {
  dropped = [];
  calls = [];
  route = createMessageRouter({
    extensionId: EXTENSION_ID,
    extensionOrigin: ORIGIN,
    content: recordingTable<Deps['content']>('content'),
    page: recordingTable<Deps['page']>('page'),
    onDropped: (reason, from) => dropped.push({ reason, from }),
  });
});

const handlerCalls = () => calls.length;

describe('delivers', () => {
  test('a content message from a tab reaches the content handler with its tab and frame', async () => {
    await expect(route(ENGAGEMENT, FROM_TAB)).resolves.toEqual({ handled: 'engagement', by: 'content' });
    expect(calls).toEqual([{ table: 'content', type: 'engagement', args: [ENGAGEMENT, 7, 3] }]);
    expect(dropped).toEqual([]);
  });

  test('a content message without a frameId is from the top frame (0)', async () => {
    await route(ENGAGEMENT, FROM_TOP_FRAME);
    expect(calls).toEqual([{ table: 'content', type: 'engagement', args: [ENGAGEMENT, 7, 0] }]);
  });

  test('another content message type reaches its own content handler', async () => {
    const raw = { type: 'classify-urls', urls: ['https://ads.example/unit.js'] };
    await expect(route(raw, FROM_TAB)).resolves.toEqual({ handled: 'classify-urls', by: 'content' });
    expect(calls).toEqual([{ table: 'content', type: 'classify-urls', args: [raw, 7, 3] }]);
  });

  test.each([
    { name: 'get-tab-state from the popup', raw: { type: 'get-tab-state', tabId: 7 }, sender: FROM_POPUP },
    { name: 'set-site-paused from the popup', raw: { type: 'set-site-paused', site: 'news.example', paused: true }, sender: FROM_POPUP },
    { name: 'get-diagnostics from a dashboard open in a tab', raw: { type: 'get-diagnostics' }, sender: FROM_DASHBOARD_TAB },
  ])('$name reaches its page handler', async ({ raw, sender }) => {
    await expect(route(raw, sender)).resolves.toEqual({ handled: raw.type, by: 'page' });
    expect(calls).toEqual([{ table: 'page', type: raw.type, args: [raw] }]);
    expect(dropped).toEqual([]);
  });

  test('handlers get the parsed message, never the raw input: unknown fields are gone', async () => {
    const raw = { type: 'get-tab-state', tabId: 7, injected: '<script>' };
    await route(raw, FROM_POPUP);
    const seen = calls[0]!.args[0] as Record<string, unknown>;
    expect(seen).toEqual({ type: 'get-tab-state', tabId: 7 });
    expect(seen).not.toBe(raw);
    expect(Object.keys(seen)).toEqual(['type', 'tabId']);

    const rawContent = { type: 'engagement', acts: [{ ...ACT, target: { ...ACT.target, text: 'secret' } }], extra: true };
    await route(rawContent, FROM_TAB);
    expect(calls[1]!.args[0]).toEqual(ENGAGEMENT);
    expect(calls[1]!.args[0]).not.toBe(rawContent);
  });
});

describe('refuses and counts', () => {
  test.each([
    { name: 'a content message from an extension page (not in the page table)', raw: ENGAGEMENT, sender: FROM_POPUP, reason: 'malformed', from: 'page' },
    {
      name: 'another content message from an extension page',
      raw: { type: 'classify-urls', urls: ['https://ads.example/unit.js'] },
      sender: FROM_POPUP,
      reason: 'malformed',
      from: 'page',
    },
    { name: 'a page message from a content script', raw: { type: 'get-diagnostics' }, sender: FROM_TAB, reason: 'malformed', from: 'content' },
    {
      name: 'set-site-paused from a content script',
      raw: { type: 'set-site-paused', site: 'news.example', paused: true },
      sender: FROM_TAB,
      reason: 'malformed',
      from: 'content',
    },
    { name: 'a page message from a page that only claims an extension path', raw: { type: 'get-diagnostics' }, sender: { ...FROM_TAB, url: `https://evil.example/${ORIGIN}` }, reason: 'malformed', from: 'content' },
    { name: 'another extension', raw: ENGAGEMENT, sender: { ...FROM_TAB, id: 'otherextensionidotherextensionid' }, reason: 'unknown-sender', from: 'unknown' },
    { name: 'another extension’s page', raw: { type: 'get-diagnostics' }, sender: { id: 'other', url: 'chrome-extension://other/popup.html' }, reason: 'unknown-sender', from: 'unknown' },
    { name: 'a sender without an id', raw: ENGAGEMENT, sender: { url: FROM_TAB.url, tab: { id: 7 } }, reason: 'unknown-sender', from: 'unknown' },
    { name: 'a content message without a tab', raw: ENGAGEMENT, sender: { id: EXTENSION_ID, url: 'https://news.example/' }, reason: 'unknown-sender', from: 'unknown' },
    { name: 'a content message from tab -1', raw: ENGAGEMENT, sender: { ...FROM_TAB, tab: { id: -1 } }, reason: 'unknown-sender', from: 'unknown' },
    { name: 'a content message from a tab without an id', raw: ENGAGEMENT, sender: { ...FROM_TAB, tab: {} }, reason: 'unknown-sender', from: 'unknown' },
  ] as const)('$name: $reason', async ({ raw, sender, reason, from }) => {
    expect(route(raw, sender)).toBeUndefined();
    expect(dropped).toEqual([{ reason, from }]);
    expect(handlerCalls()).toBe(0);
  });
});

describe('drops', () => {
  const cyclic: Record<string, unknown> = { type: 'engagement', acts: [ACT] };
  cyclic.self = cyclic;
  const huge = { type: 'engagement', acts: [ACT], padding: 'x'.repeat(MAX_MESSAGE_BYTES) };
  const tooManyActs = { type: 'engagement', acts: Array.from({ length: MAX_ACTS_PER_MESSAGE + 1 }, () => ACT) };

  test.each([
    { name: 'an oversized content message', raw: huge, sender: FROM_TAB, reason: 'oversized', from: 'content' },
    { name: 'an oversized page message', raw: { type: 'get-diagnostics', padding: 'x'.repeat(MAX_MESSAGE_BYTES) }, sender: FROM_POPUP, reason: 'oversized', from: 'page' },
    { name: 'null', raw: null, sender: FROM_TAB, reason: 'malformed', from: 'content' },
    { name: 'a string', raw: 'engagement', sender: FROM_TAB, reason: 'malformed', from: 'content' },
    { name: 'an unknown type', raw: { type: 'delete-everything' }, sender: FROM_POPUP, reason: 'malformed', from: 'page' },
    { name: 'no acts', raw: { type: 'engagement', acts: [] }, sender: FROM_TAB, reason: 'malformed', from: 'content' },
    { name: 'too many acts', raw: tooManyActs, sender: FROM_TAB, reason: 'malformed', from: 'content' },
    { name: 'an act with an unknown action', raw: { type: 'engagement', acts: [{ ...ACT, action: 'scroll' }] }, sender: FROM_TAB, reason: 'malformed', from: 'content' },
    { name: 'a tab id that is not an integer', raw: { type: 'get-tab-state', tabId: '7' }, sender: FROM_POPUP, reason: 'malformed', from: 'page' },
    { name: 'a cyclic object', raw: cyclic, sender: FROM_TAB, reason: 'unserialisable', from: 'content' },
    { name: 'a BigInt', raw: { type: 'get-tab-state', tabId: 7n }, sender: FROM_POPUP, reason: 'unserialisable', from: 'page' },
  ] as const)('$name: $reason', ({ raw, sender, reason, from }) => {
    expect(route(raw, sender)).toBeUndefined();
    expect(dropped).toEqual([{ reason, from }]);
    expect(handlerCalls()).toBe(0);
  });

  test('each dropped message is counted once', () => {
    route(null, FROM_TAB);
    route(huge, FROM_TAB);
    route(ENGAGEMENT, { ...FROM_TAB, id: 'other' });
    expect(dropped.map((d) => d.reason)).toEqual(['malformed', 'oversized', 'unknown-sender']);
  });
});

describe('one writer (issue #7): settings and the log are the background’s', () => {
  test.each([
    { name: 'get-popup-data from the popup', raw: { type: 'get-popup-data', tabId: 7 }, sender: FROM_POPUP },
    { name: 'update-settings from the settings page', raw: { type: 'update-settings', settings: { detectors: { ads: false } } }, sender: FROM_POPUP },
  ])('$name reaches its page handler', async ({ raw, sender }) => {
    await expect(route(raw, sender)).resolves.toEqual({ handled: raw.type, by: 'page' });
    expect(calls).toEqual([{ table: 'page', type: raw.type, args: [raw] }]);
  });

  test('get-content-settings from a content script reaches its content handler with the tab and frame', async () => {
    const raw = { type: 'get-content-settings', url: 'https://news.example/article' };
    await expect(route(raw, FROM_TAB)).resolves.toEqual({ handled: 'get-content-settings', by: 'content' });
    expect(calls).toEqual([{ table: 'content', type: 'get-content-settings', args: [raw, 7, 3] }]);
  });

  test.each([
    { name: 'update-settings from a content script', raw: { type: 'update-settings', settings: { pausedSites: [] } }, sender: FROM_TAB, from: 'content' },
    { name: 'get-popup-data from a content script', raw: { type: 'get-popup-data', tabId: 7 }, sender: FROM_TAB, from: 'content' },
    { name: 'get-content-settings from an extension page', raw: { type: 'get-content-settings', url: 'https://news.example/' }, sender: FROM_POPUP, from: 'page' },
  ] as const)('$name is refused', ({ raw, sender, from }) => {
    expect(route(raw, sender)).toBeUndefined();
    expect(dropped).toEqual([{ reason: 'malformed', from }]);
    expect(handlerCalls()).toBe(0);
  });
});
