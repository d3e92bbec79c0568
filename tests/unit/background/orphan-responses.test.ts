import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { createReadyGate, createSettleQueue, listenToBrowserEvents } from '../../../lib/background/browser-events';
import { createDiagnostics } from '../../../lib/background/diagnostics';
import type { Recorder, RequestDetails } from '../../../lib/background/recorder';

/**
 * Issue #10, item 4: a request the browser reported to a worker that was stopping is lost with it,
 * but its response can reach the next worker. A response whose request this worker never heard
 * of is an orphan, handed on after a grace (a starting worker can be told of a response first).
 */
type Listener = (details: Record<string, unknown>) => unknown;
const listeners = new Map<string, Listener>();
const event = (name: string) => ({ addListener: (fn: Listener) => void listeners.set(name, fn) });

beforeEach(() => {
  vi.useFakeTimers();
  listeners.clear();
  const fake = browser as unknown as Record<string, unknown>;
  fake.webRequest = { onBeforeRequest: event('request'), onHeadersReceived: event('headers'), onErrorOccurred: event('error') };
  fake.webNavigation = { onCommitted: event('committed'), onHistoryStateUpdated: event('history'), onReferenceFragmentUpdated: event('fragment') };
  fake.tabs = { ...(fake.tabs as object), onRemoved: event('removed') };
});
afterEach(() => vi.useRealTimers());

function wire(handledBefore: (id: string) => boolean = () => false) {
  const diagnostics = createDiagnostics();
  const gate = createReadyGate(diagnostics);
  const calls: string[] = [];
  const recorder = {
    onRequest: (d: RequestDetails) => void calls.push(`request ${d.requestId}`),
    onResponse: (d: { requestId: string }) => void calls.push(`response ${d.requestId}`),
  } as unknown as Recorder;
  const orphans: string[] = [];
  const done: string[] = [];
  const writeAhead = { noteRequest: (d: RequestDetails) => ({ id: d.requestId }), requestDone: (t: object) => void done.push((t as { id: string }).id), handledBefore };
  listenToBrowserEvents(gate, createSettleQueue(100), diagnostics, writeAhead, { handle: (_r, d) => void orphans.push(d.requestId!) });
  void gate.open(recorder);
  return { calls, orphans, done };
}

const image = (requestId: string) => ({ requestId, url: `https://www.facebook.com/tr?n=${requestId}`, type: 'image', tabId: 3, frameId: 0, timeStamp: 1 });

describe('responses whose request went to an earlier worker', () => {
  test('a response after its request is not an orphan; one with no request is, once, after the grace', () => {
    const { calls, orphans } = wire();
    listeners.get('request')!(image('1'));
    listeners.get('headers')!({ ...image('1'), statusCode: 200 });
    listeners.get('headers')!({ ...image('2'), statusCode: 200 });
    vi.advanceTimersByTime(200);
    expect(calls).toEqual(['request 1', 'response 1', 'response 2']);
    expect(orphans).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(orphans).toEqual(['2']);
  });

  test('a request told after its response (a starting worker) is not an orphan, and its response is given again after it', () => {
    const { calls, orphans } = wire();
    listeners.get('headers')!({ ...image('5'), statusCode: 200 });
    vi.advanceTimersByTime(30);
    listeners.get('request')!(image('5'));
    vi.advanceTimersByTime(1500);
    expect(orphans).toEqual([]);
    expect(calls).toEqual(['response 5', 'request 5', 'response 5']);
  });

  test('requests with no tab and failures of them are never orphans', () => {
    const { orphans } = wire();
    listeners.get('error')!({ ...image('7'), tabId: -1 });
    vi.advanceTimersByTime(1500);
    expect(orphans).toEqual([]);
  });
});

describe('a request told twice', () => {
  test('one the last worker handled as it was stopped is not recorded again, and its copy goes', () => {
    const { calls, done } = wire((id) => id === '8');
    listeners.get('request')!(image('8'));
    listeners.get('request')!(image('9'));
    vi.advanceTimersByTime(200);
    expect(calls).toEqual(['request 9']);
    expect(done).toEqual(['8', '9']);
  });
});
