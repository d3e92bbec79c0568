import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createBatchSender } from '../../../lib/engagement/batch-sender';
import { MAX_ACTS_PER_MESSAGE, type EngagementAct } from '../../../lib/messages';

const act = (i: number): EngagementAct => ({ action: 'click', at: 1_000 + i, target: { tag: 'button', role: null } });

let sent: EngagementAct[][];
let send: (acts: EngagementAct[]) => Promise<unknown>;

beforeEach(() => {
  vi.useFakeTimers();
  sent = [];
  send = vi.fn(async (acts: EngagementAct[]) => {
    sent.push(acts);
  });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('batches by interval', () => {
  test('nothing is sent before the interval, everything at once after it', () => {
    const sender = createBatchSender(send, 500);
    sender.add(act(0));
    sender.add(act(1));
    vi.advanceTimersByTime(499);
    expect(sent).toEqual([]);
    sender.add(act(2));
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([[act(0), act(1), act(2)]]);
  });

  test('the interval starts at the first act of a batch, not the last', () => {
    const sender = createBatchSender(send, 500);
    sender.add(act(0));
    vi.advanceTimersByTime(300);
    sender.add(act(1));
    vi.advanceTimersByTime(200);
    expect(sent).toEqual([[act(0), act(1)]]);
  });

  test.each([
    { interval: 100, acts: 3 },
    { interval: 500, acts: 1 },
    { interval: 2_000, acts: 40 },
  ])('at most one message per $interval ms for $acts acts', ({ interval, acts }) => {
    const sender = createBatchSender(send, interval);
    for (let i = 0; i < acts; i++) sender.add(act(i));
    vi.advanceTimersByTime(interval * 3);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toHaveLength(acts);
  });

  test('the next act after a send starts a new batch', () => {
    const sender = createBatchSender(send, 500);
    sender.add(act(0));
    vi.advanceTimersByTime(500);
    sender.add(act(1));
    vi.advanceTimersByTime(500);
    expect(sent).toEqual([[act(0)], [act(1)]]);
  });

  test('the default interval is 500 ms', () => {
    const sender = createBatchSender(send);
    sender.add(act(0));
    vi.advanceTimersByTime(499);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toHaveLength(1);
  });

  test('nothing is sent when there is nothing to send', () => {
    const sender = createBatchSender(send, 500);
    sender.flush();
    vi.advanceTimersByTime(5_000);
    expect(send).not.toHaveBeenCalled();
  });
});

describe('flushes', () => {
  test(`at once at MAX_ACTS_PER_MESSAGE (${MAX_ACTS_PER_MESSAGE}) acts, without waiting`, () => {
    const sender = createBatchSender(send, 500);
    for (let i = 0; i < MAX_ACTS_PER_MESSAGE - 1; i++) sender.add(act(i));
    expect(sent).toEqual([]);
    sender.add(act(MAX_ACTS_PER_MESSAGE - 1));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toEqual(Array.from({ length: MAX_ACTS_PER_MESSAGE }, (_, i) => act(i)));
    // The interval timer was cleared with the flush: nothing more goes out.
    vi.advanceTimersByTime(5_000);
    expect(sent).toHaveLength(1);
  });

  test.each([
    { total: 101, sizes: [100, 1] },
    { total: 250, sizes: [100, 100, 50] },
    { total: 300, sizes: [100, 100, 100] },
  ])('$total acts go out as messages of $sizes, in order', ({ total, sizes }) => {
    const sender = createBatchSender(send, 500);
    for (let i = 0; i < total; i++) sender.add(act(i));
    vi.advanceTimersByTime(500);
    expect(sent.map((m) => m.length)).toEqual(sizes);
    expect(sent.flat()).toEqual(Array.from({ length: total }, (_, i) => act(i)));
    expect(sent.every((m) => m.length <= MAX_ACTS_PER_MESSAGE)).toBe(true);
  });

  test('flush() sends what is queued now (page hidden) and cancels the pending timer', () => {
    const sender = createBatchSender(send, 500);
    sender.add(act(0));
    sender.add(act(1));
    sender.flush();
    expect(sent).toEqual([[act(0), act(1)]]);
    vi.advanceTimersByTime(5_000);
    expect(sent).toHaveLength(1);
  });
});

describe('stops', () => {
  test('a rejected send stops the sender without throwing', async () => {
    const failing = vi.fn(() => Promise.reject(new Error('Extension context invalidated.')));
    const sender = createBatchSender(failing, 500);
    sender.add(act(0));
    expect(() => vi.advanceTimersByTime(500)).not.toThrow();
    expect(failing).toHaveBeenCalledTimes(1);
    await vi.runAllTimersAsync(); // let the rejection be handled

    expect(() => {
      for (let i = 1; i <= 2 * MAX_ACTS_PER_MESSAGE; i++) sender.add(act(i));
      sender.flush();
    }).not.toThrow();
    await vi.runAllTimersAsync();
    expect(failing).toHaveBeenCalledTimes(1);
  });

  test('after a rejected flush(), later acts are never sent', async () => {
    let calls = 0;
    const sender = createBatchSender(() => {
      calls += 1;
      return Promise.reject(new Error('gone'));
    }, 500);
    sender.add(act(0));
    sender.flush();
    await vi.runAllTimersAsync();
    sender.add(act(1));
    vi.advanceTimersByTime(500);
    expect(calls).toBe(1);
  });

  // Chrome's runtime.sendMessage throws at once ("Extension context invalidated.") in a content
  // script whose extension was reloaded: that must not reach the page either.
  test.each([
    { name: 'from the interval timer', trigger: (sender: ReturnType<typeof createBatchSender>) => (sender.add(act(0)), vi.advanceTimersByTime(500)) },
    { name: 'from flush()', trigger: (sender: ReturnType<typeof createBatchSender>) => (sender.add(act(0)), sender.flush()) },
    {
      name: 'from add() at MAX_ACTS_PER_MESSAGE',
      trigger: (sender: ReturnType<typeof createBatchSender>) => {
        for (let i = 0; i < MAX_ACTS_PER_MESSAGE; i++) sender.add(act(i));
      },
    },
  ])('a send that throws synchronously stops the sender without throwing ($name)', ({ trigger }) => {
    const throwing = vi.fn((): Promise<unknown> => {
      throw new Error('Extension context invalidated.');
    });
    const sender = createBatchSender(throwing, 500);
    expect(() => trigger(sender)).not.toThrow();
    expect(throwing).toHaveBeenCalledTimes(1);
    expect(() => {
      for (let i = 0; i < 2 * MAX_ACTS_PER_MESSAGE; i++) sender.add(act(i));
      sender.flush();
      vi.advanceTimersByTime(5_000);
    }).not.toThrow();
    expect(throwing).toHaveBeenCalledTimes(1);
  });

  test('stop() drops the pending batch and ignores later acts', () => {
    const sender = createBatchSender(send, 500);
    sender.add(act(0));
    sender.stop();
    vi.advanceTimersByTime(5_000);
    sender.add(act(1));
    sender.flush();
    vi.advanceTimersByTime(5_000);
    expect(send).not.toHaveBeenCalled();
  });
});
