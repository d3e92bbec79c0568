import { describe, expect, test } from 'vitest';
import { createSequencer, type SessionStore } from '../../../lib/background/sequencer';

/**
 * `storage.session` stand-in: values are copied in and out (as the browser serialises them) and a
 * write lands a moment after `set` is called, as with the real asynchronous API.
 */
class MemorySessionStore implements SessionStore {
  readonly data = new Map<string, unknown>();
  writes = 0;

  async get(key: string): Promise<Record<string, unknown>> {
    return this.data.has(key) ? { [key]: structuredClone(this.data.get(key)) } : {};
  }

  async set(items: Record<string, unknown>): Promise<void> {
    const copy = structuredClone(items);
    await Promise.resolve();
    for (const [k, v] of Object.entries(copy)) this.data.set(k, v);
    this.writes += 1;
  }
}

/** Let pending store writes land (what happens between the worker's event-loop turns). */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

let ids = 0;
const newId = () => `session-${ids++}`;

/** Take `count` numbers, in turns of `perTurn` (the worker handles events turn by turn). */
async function take(sequencer: { next(): number }, count: number, perTurn: number): Promise<number[]> {
  const out: number[] = [];
  while (out.length < count) {
    const n = Math.min(perTurn, count - out.length);
    for (let i = 0; i < n; i++) out.push(sequencer.next());
    await settle();
  }
  return out;
}

function expectStrictlyIncreasing(xs: readonly number[]): void {
  for (let i = 1; i < xs.length; i++) {
    if (!(xs[i]! > xs[i - 1]!)) expect.fail(`seq ${xs[i]} at ${i} does not follow ${xs[i - 1]}`);
  }
}

describe('session id', () => {
  test('a fresh store gets a new session id', async () => {
    const store = new MemorySessionStore();
    const sequencer = await createSequencer(store, () => 'fresh-id');
    expect(sequencer.sessionId).toBe('fresh-id');
  });

  test('stays the same across worker restarts', async () => {
    const store = new MemorySessionStore();
    const first = await createSequencer(store, newId);
    await take(first, 10, 10);
    const second = await createSequencer(store, newId);
    const third = await createSequencer(store, newId);
    expect(second.sessionId).toBe(first.sessionId);
    expect(third.sessionId).toBe(first.sessionId);
  });

  test('two browser sessions (two stores) get different ids', async () => {
    const a = await createSequencer(new MemorySessionStore(), newId);
    const b = await createSequencer(new MemorySessionStore(), newId);
    expect(a.sessionId).not.toBe(b.sessionId);
  });

  test.each([
    { name: 'a number', saved: { sessionId: 42, ceiling: 100 } },
    { name: 'missing', saved: { ceiling: 100 } },
  ])('a stored session id that is $name is replaced', async ({ saved }) => {
    const store = new MemorySessionStore();
    store.data.set('beaker.sequence', saved);
    const sequencer = await createSequencer(store, () => 'replacement');
    expect(sequencer.sessionId).toBe('replacement');
  });
});

describe('sequence numbers', () => {
  test('start at 0 and count up by one within a worker', async () => {
    const sequencer = await createSequencer(new MemorySessionStore(), newId);
    expect(await take(sequencer, 5, 5)).toEqual([0, 1, 2, 3, 4]);
  });

  test.each([
    { taken: 1, perTurn: 1 },
    { taken: 100, perTurn: 7 },
    { taken: 4_999, perTurn: 500 },
    { taken: 5_001, perTurn: 500 },
    { taken: 10_000, perTurn: 250 },
    { taken: 10_001, perTurn: 250 },
    { taken: 12_000, perTurn: 12_000 },
    { taken: 25_000, perTurn: 1_000 },
    { taken: 35_000, perTurn: 35_000 },
  ])('strictly increase across a restart after $taken numbers ($perTurn per turn)', async ({ taken, perTurn }) => {
    const store = new MemorySessionStore();
    const before = await createSequencer(store, newId);
    const first = await take(before, taken, perTurn);
    // The worker is stopped; pending writes have landed (or not: a write is only ever earlier).
    await settle();
    const after = await createSequencer(store, newId);
    const second = await take(after, 20, 20);
    expectStrictlyIncreasing([...first, ...second]);
  });

  test('strictly increase across many restarts, each after more than a block', async () => {
    const store = new MemorySessionStore();
    const all: number[] = [];
    for (let restart = 0; restart < 5; restart++) {
      const sequencer = await createSequencer(store, newId);
      all.push(...(await take(sequencer, 11_000, 2_000)));
      await settle();
    }
    expect(all).toHaveLength(55_000);
    expectStrictlyIncreasing(all);
  });

  test('restarts that hand out nothing still move forward', async () => {
    const store = new MemorySessionStore();
    const seen: number[] = [];
    for (let restart = 0; restart < 4; restart++) {
      const sequencer = await createSequencer(store, newId);
      seen.push(sequencer.next());
      await settle();
      await createSequencer(store, newId); // a restart that handed out nothing
    }
    expectStrictlyIncreasing(seen);
  });

  test('the ceiling is persisted before the first number is handed out', async () => {
    const store = new MemorySessionStore();
    await createSequencer(store, newId);
    expect(store.writes).toBe(1);
    expect(store.data.get('beaker.sequence')).toMatchObject({ ceiling: expect.any(Number) });
  });

  test('a failing store write does not stop numbers being handed out', async () => {
    const store = new MemorySessionStore();
    const sequencer = await createSequencer(store, newId);
    store.set = () => Promise.reject(new Error('quota'));
    const taken = await take(sequencer, 12_000, 1_000);
    expectStrictlyIncreasing(taken);
    expect(taken.at(-1)).toBe(11_999);
  });
});
