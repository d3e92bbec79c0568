import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createReadyGate, createSettleQueue } from '../../../lib/background/browser-events';
import { createDiagnostics } from '../../../lib/background/diagnostics';
import type { Recorder } from '../../../lib/background/recorder';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('settle queue', () => {
  test('runs callbacks the delay after they were pushed, in push order', () => {
    const q = createSettleQueue(100);
    const ran: string[] = [];
    q.push(() => ran.push('a'));
    vi.advanceTimersByTime(60);
    q.push(() => ran.push('b'));
    expect(q.size()).toBe(2);
    vi.advanceTimersByTime(40);
    expect(ran).toEqual(['a']);
    vi.advanceTimersByTime(60);
    expect(ran).toEqual(['a', 'b']);
    expect(q.size()).toBe(0);
  });

  test('drained() waits for what was pushed before it, not for what comes after', async () => {
    const q = createSettleQueue(100);
    const order: string[] = [];
    q.push(() => order.push('request 1'));
    const drained = q.drained().then(() => order.push('drained'));
    vi.advanceTimersByTime(50);
    q.push(() => order.push('request 2'));
    await vi.advanceTimersByTimeAsync(50);
    expect(order).toEqual(['request 1', 'drained']);
    await vi.advanceTimersByTimeAsync(50);
    await drained;
    expect(order).toEqual(['request 1', 'drained', 'request 2']);
  });

  test('drained() of an empty queue resolves at once', async () => {
    const q = createSettleQueue(100);
    let done = false;
    void q.drained().then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(true);
  });

  test('a callback that throws does not stall the ones behind it', () => {
    const q = createSettleQueue(100);
    const ran: string[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    q.push(() => {
      throw new Error('bad event');
    });
    q.push(() => ran.push('next'));
    vi.advanceTimersByTime(100);
    expect(ran).toEqual(['next']);
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });
});

describe('ready gate', () => {
  test('queues what arrives before the recorder, replays it in order, then runs at once', async () => {
    const diagnostics = createDiagnostics();
    const gate = createReadyGate(diagnostics);
    const seen: string[] = [];
    const rec = {} as Recorder;
    gate.whenReady(() => seen.push('early 1'));
    gate.whenReady(async () => {
      await Promise.resolve();
      seen.push('early 2 (async)');
    });
    gate.whenReady(() => seen.push('early 3'));
    expect(seen).toEqual([]);
    expect(diagnostics.queuedBeforeReady).toBe(3);
    await gate.open(rec);
    expect(seen).toEqual(['early 1', 'early 2 (async)', 'early 3']);
    gate.whenReady((r) => seen.push(r === rec ? 'late, with the recorder' : 'wrong recorder'));
    expect(seen.at(-1)).toBe('late, with the recorder');
    expect(diagnostics.queuedBeforeReady).toBe(3);
  });
});
