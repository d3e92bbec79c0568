import { describe, expect, test } from 'vitest';
import {
  MAX_ACTS_PER_MESSAGE,
  MAX_MESSAGE_BYTES,
  broadcastMessage,
  contentMessage,
  pageMessage,
  parseMessage,
  tabState,
  type EngagementAct,
} from '../../lib/messages';
import { ENGAGEMENT_ACTIONS } from '../../lib/schema/events';

const ACT: EngagementAct = { action: 'click', at: 1_741_944_413_589, target: { tag: 'button', role: null } };
const acts = (n: number): EngagementAct[] => Array.from({ length: n }, (_, i) => ({ ...ACT, at: ACT.at + i }));

function cyclic(): Record<string, unknown> {
  const message: Record<string, unknown> = { type: 'engagement', acts: [ACT] };
  message.self = message;
  return message;
}

describe('accepts', () => {
  test.each([
    { name: 'one click', raw: { type: 'engagement', acts: [ACT] } },
    ...ENGAGEMENT_ACTIONS.map((action) => ({ name: `a ${action} act`, raw: { type: 'engagement', acts: [{ ...ACT, action }] } })),
    { name: 'an act with a role', raw: { type: 'engagement', acts: [{ ...ACT, target: { tag: 'a', role: 'link' } }] } },
    { name: 'an act at time 0', raw: { type: 'engagement', acts: [{ ...ACT, at: 0 }] } },
    { name: 'exactly MAX_ACTS_PER_MESSAGE acts', raw: { type: 'engagement', acts: acts(MAX_ACTS_PER_MESSAGE) } },
  ])('content message: $name', ({ raw }) => {
    expect(parseMessage(contentMessage, raw)).toEqual({ ok: true, message: raw });
  });

  test.each([
    { name: 'get-tab-state', raw: { type: 'get-tab-state', tabId: 3 } },
    { name: 'set-site-paused on', raw: { type: 'set-site-paused', site: 'news.example', paused: true } },
    { name: 'set-site-paused off', raw: { type: 'set-site-paused', site: 'shop.example', paused: false } },
    { name: 'a 253-character site', raw: { type: 'set-site-paused', site: 'a'.repeat(253), paused: true } },
    { name: 'get-diagnostics', raw: { type: 'get-diagnostics' } },
  ])('page message: $name', ({ raw }) => {
    expect(parseMessage(pageMessage, raw)).toEqual({ ok: true, message: raw });
  });

  test('unknown extra fields are stripped from the parsed message', () => {
    const outcome = parseMessage(pageMessage, { type: 'get-tab-state', tabId: 3, injected: '<script>' });
    expect(outcome).toEqual({ ok: true, message: { type: 'get-tab-state', tabId: 3 } });
  });

  test('the other message schemas accept their own shapes', () => {
    const state = { tabId: 3, visitId: 'visit-1', url: 'https://news.example/', site: 'news.example', restricted: false, paused: false };
    expect(parseMessage(tabState, state)).toEqual({ ok: true, message: state });
    const update = { type: 'visit-updated', visitId: 'visit-1', tabId: 3 };
    expect(parseMessage(broadcastMessage, update)).toEqual({ ok: true, message: update });
  });
});

describe('rejects', () => {
  test.each([
    { name: 'null', raw: null },
    { name: 'undefined', raw: undefined },
    { name: 'a string', raw: 'engagement' },
    { name: 'a JSON string of a valid message', raw: JSON.stringify({ type: 'engagement', acts: [ACT] }) },
    { name: 'a number', raw: 42 },
    { name: 'a boolean', raw: true },
    { name: 'an array', raw: [{ type: 'engagement', acts: [ACT] }] },
    { name: 'an empty object', raw: {} },
    { name: 'an unknown type', raw: { type: 'steal-cookies', acts: [ACT] } },
    { name: 'a page message type', raw: { type: 'get-tab-state', tabId: 1 } },
    { name: 'missing acts', raw: { type: 'engagement' } },
    { name: 'missing type', raw: { acts: [ACT] } },
    { name: 'no acts', raw: { type: 'engagement', acts: [] } },
    { name: 'acts not an array', raw: { type: 'engagement', acts: ACT } },
    { name: `${MAX_ACTS_PER_MESSAGE + 1} acts`, raw: { type: 'engagement', acts: acts(MAX_ACTS_PER_MESSAGE + 1) } },
    { name: 'an action not in the enum', raw: { type: 'engagement', acts: [{ ...ACT, action: 'hover' }] } },
    { name: 'an upper-case action', raw: { type: 'engagement', acts: [{ ...ACT, action: 'CLICK' }] } },
    { name: 'a negative at', raw: { type: 'engagement', acts: [{ ...ACT, at: -1 }] } },
    { name: 'at as a string', raw: { type: 'engagement', acts: [{ ...ACT, at: '1741944413589' }] } },
    { name: 'at NaN', raw: { type: 'engagement', acts: [{ ...ACT, at: Number.NaN }] } },
    { name: 'at Infinity', raw: { type: 'engagement', acts: [{ ...ACT, at: Number.POSITIVE_INFINITY }] } },
    { name: 'missing at', raw: { type: 'engagement', acts: [{ action: 'click', target: ACT.target }] } },
    { name: 'missing target', raw: { type: 'engagement', acts: [{ action: 'click', at: 1 }] } },
    { name: 'a missing role (must be null, not absent)', raw: { type: 'engagement', acts: [{ ...ACT, target: { tag: 'button' } }] } },
    { name: 'a numeric role', raw: { type: 'engagement', acts: [{ ...ACT, target: { tag: 'button', role: 1 } }] } },
    { name: 'a 33-character tag', raw: { type: 'engagement', acts: [{ ...ACT, target: { tag: 'x'.repeat(33), role: null } }] } },
    { name: 'one bad act among good ones', raw: { type: 'engagement', acts: [...acts(5), { ...ACT, action: 'scroll' }] } },
  ])('content message: $name is malformed', ({ raw }) => {
    expect(parseMessage(contentMessage, raw)).toEqual({ ok: false, error: 'malformed' });
  });

  test.each([
    { name: 'null', raw: null },
    { name: 'a string', raw: 'get-tab-state' },
    { name: 'a number', raw: 3 },
    { name: 'an unknown type', raw: { type: 'delete-everything' } },
    { name: 'a content message type', raw: { type: 'engagement', acts: [ACT] } },
    { name: 'missing tabId', raw: { type: 'get-tab-state' } },
    { name: 'tabId as a string', raw: { type: 'get-tab-state', tabId: '3' } },
    { name: 'a fractional tabId', raw: { type: 'get-tab-state', tabId: 1.5 } },
    { name: 'missing paused', raw: { type: 'set-site-paused', site: 'news.example' } },
    { name: 'paused as a string', raw: { type: 'set-site-paused', site: 'news.example', paused: 'yes' } },
    { name: 'site as a number', raw: { type: 'set-site-paused', site: 42, paused: true } },
    { name: 'a 254-character site', raw: { type: 'set-site-paused', site: 'a'.repeat(254), paused: true } },
  ])('page message: $name is malformed', ({ raw }) => {
    expect(parseMessage(pageMessage, raw)).toEqual({ ok: false, error: 'malformed' });
  });

  test.each([
    { name: 'a cyclic object', raw: () => cyclic() },
    { name: 'a BigInt', raw: () => ({ type: 'get-tab-state', tabId: 10n }) },
    {
      name: 'a throwing toJSON',
      raw: () => ({
        type: 'get-tab-state',
        tabId: 1,
        toJSON() {
          throw new Error('boom');
        },
      }),
    },
    {
      name: 'a throwing getter',
      raw: () => ({
        type: 'get-tab-state',
        get tabId(): number {
          throw new Error('boom');
        },
      }),
    },
  ])('$name is unserialisable and does not throw', ({ raw }) => {
    const message = raw();
    expect(() => parseMessage(contentMessage, message)).not.toThrow();
    expect(parseMessage(contentMessage, message)).toEqual({ ok: false, error: 'unserialisable' });
    expect(parseMessage(pageMessage, message)).toEqual({ ok: false, error: 'unserialisable' });
  });

  test.each([
    { name: 'a giant tag', raw: { type: 'engagement', acts: [{ ...ACT, target: { tag: 'x'.repeat(MAX_MESSAGE_BYTES), role: null } }] } },
    { name: 'a giant extra field on a valid message', raw: { type: 'engagement', acts: [ACT], padding: 'x'.repeat(MAX_MESSAGE_BYTES) } },
    { name: 'thousands of acts', raw: { type: 'engagement', acts: acts(2_000) } },
    { name: 'a giant string', raw: 'x'.repeat(MAX_MESSAGE_BYTES + 1) },
  ])('$name is oversized', ({ raw }) => {
    expect(JSON.stringify(raw).length).toBeGreaterThan(MAX_MESSAGE_BYTES);
    expect(parseMessage(contentMessage, raw)).toEqual({ ok: false, error: 'oversized' });
    expect(parseMessage(pageMessage, raw)).toEqual({ ok: false, error: 'oversized' });
  });

  test('the size cap sits exactly at MAX_MESSAGE_BYTES', () => {
    const base = { type: 'get-tab-state', tabId: 1, padding: '' };
    const overhead = JSON.stringify(base).length;
    const atCap = { ...base, padding: 'x'.repeat(MAX_MESSAGE_BYTES - overhead) };
    const overCap = { ...base, padding: 'x'.repeat(MAX_MESSAGE_BYTES - overhead + 1) };
    expect(JSON.stringify(atCap).length).toBe(MAX_MESSAGE_BYTES);
    expect(parseMessage(pageMessage, atCap)).toEqual({ ok: true, message: { type: 'get-tab-state', tabId: 1 } });
    expect(parseMessage(pageMessage, overCap)).toEqual({ ok: false, error: 'oversized' });
  });
});
