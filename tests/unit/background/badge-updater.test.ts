import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { badgeFor, createBadgeUpdater } from '../../../lib/background/badge';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

test('badge updates are coalesced per tab and use the counts of the moment they run; paused sites show nothing', () => {
  const texts: { tabId: number; text: string }[] = [];
  const action = {
    setBadgeText: async (d: { tabId: number; text: string }) => void texts.push(d),
    setBadgeBackgroundColor: async () => undefined,
  };
  const visits = new Map<number, { site: string; targeted: number }>([
    [1, { site: 'news.example', targeted: 3 }],
    [2, { site: 'paused.example', targeted: 9 }],
  ]);
  const update = createBadgeUpdater({ action, current: (tabId) => visits.get(tabId) ?? null, isPaused: (site) => site === 'paused.example' });
  update(1);
  update(1);
  update(2);
  visits.set(1, { site: 'news.example', targeted: 7 });
  vi.advanceTimersByTime(40);
  expect(texts).toEqual([
    { tabId: 1, text: badgeFor(7).text },
    { tabId: 2, text: '' },
  ]);
  update(3);
  vi.advanceTimersByTime(40);
  expect(texts.at(-1)).toEqual({ tabId: 3, text: '' });
});
