// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { BENIGN_TIMER_CONTEXT, countdown, CountdownTracker, countdownText, findCountdownHost, readTime } from '../../../../lib/dark-patterns/detectors/countdown';
import { watchCountdowns } from '../../../../lib/content/watch-countdowns';
import type { DarkPatternContext } from '../../../../lib/dark-patterns/support/context';
import { directTextFacts } from '../../../../lib/dark-patterns/text-facts';

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (s: number) => `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(Math.floor(s) % 60)}`;

/** Feed `(text, ms)` samples for one element; return the last outcome. */
function feed(samples: readonly (readonly [string, number])[], tracker = new CountdownTracker()) {
  const el = document.createElement('span');
  document.body.append(el);
  let outcome = '';
  for (const [text, t] of samples) outcome = tracker.observe(el, text, t);
  return { outcome, tracker, el };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('readTime', () => {
  test.each([
    ['Deal ends in 00:14:59', 899],
    ['04:59', 299],
    ['1:02:03:04', 93784],
    ['00:05.37', 5.37],
    ['02 Hours 15 Minutes 09 Seconds', 8109],
    ['04 Min 59 Sek 99', 299],
    ['Endet in 2 Tagen 3 Std', 183600],
    ['Plus que 1 jour 02:00:00', 93600],
    ['02 15 09', 8109],
  ])('reads %j as %d s', (text, seconds) => {
    expect(readTime(text)?.seconds).toBeCloseTo(seconds, 5);
  });

  test.each(['€9.80', 'Only 3 left in stock', '59', 'Size 5 m', 'Call 0800 123 4567'])('does not read %j', (text) => {
    expect(readTime(text)).toBeNull();
  });
});

describe('countdownText and findCountdownHost', () => {
  test('rejoins digits in separate elements and finds the whole timer', () => {
    document.body.innerHTML = '<p id="t">Ends in <b>0</b><b>9</b>:<b>5</b><b id="d">9</b></p>';
    expect(countdownText(document.getElementById('t')!)).toBe('Ends in 09:59');
    expect(findCountdownHost(document.getElementById('d')!)?.host.id).toBe('t');
  });

  test('prefers the ancestor with the most time parts', () => {
    document.body.innerHTML = '<div id="w"><div id="timer"><div><i>02</i> h</div><div><i>15</i> min</div><div><i id="s">09</i> s</div></div></div>';
    expect(findCountdownHost(document.getElementById('s')!)?.host.id).toBe('timer');
  });
});

describe('CountdownTracker detects', () => {
  test('a clock falling one second per second', () => {
    const samples = [0, 1, 2, 3].map((i) => [clock(600 - i), i * 1000] as const);
    expect(feed(samples).outcome).toBe('countdown');
  });

  test('a minutes-only timer falling one minute per minute (and mm read as hh:mm)', () => {
    expect(feed([0, 1, 2].map((i) => [`${2} h ${15 - i} min`, i * 60_000] as const)).outcome).toBe('countdown');
    expect(feed([0, 1, 2].map((i) => [`12:${pad(30 - i)}`, i * 60_000] as const)).outcome).toBe('countdown');
  });

  test('a timer updating every 10 ms, sampled at most every 250 ms', () => {
    const samples = Array.from({ length: 400 }, (_, i) => [`00:${pad(Math.floor((6000 - i) / 100) % 60)}.${pad((6000 - i) % 100)}`, i * 10] as const);
    const { outcome, tracker } = feed(samples);
    expect(outcome).toBe('countdown');
    // 400 samples offered over 4 s: at most one in 250 ms was looked at.
    expect(tracker.samplesAccepted).toBeLessThanOrEqual(17);
  });

  test('a timer that resets once, then keeps counting', () => {
    const samples = [
      ['00:00:02', 0],
      ['00:00:01', 1000],
      ['00:10:00', 2000],
      ['00:09:59', 3000],
      ['00:09:58', 4000],
      ['00:09:57', 5000],
    ] as const;
    expect(feed(samples).outcome).toBe('countdown');
  });
});

describe('CountdownTracker ignores', () => {
  test.each<[string, (readonly [string, number])[]]>([
    ['a clock counting up', [0, 1, 2, 3, 4, 5].map((i) => [clock(43200 + i), i * 1000] as const)],
    ['a static price', [0, 1, 2, 3].map((i) => ['€9.80', i * 1000] as const)],
    ['the same time re-rendered', [0, 1, 2, 3].map((i) => ['Sale ends 05:00', i * 1000] as const)],
    ['a random ticker', [0, 1, 2, 3, 4, 5, 6, 7].map((i) => [clock([512, 77, 930, 41, 600, 12, 845, 300][i]!), i * 1000] as const)],
    ['a countdown running ten times too fast', [0, 1, 2, 3].map((i) => [clock(600 - i * 10), i * 1000] as const)],
    ['too few samples', [0, 1].map((i) => [clock(600 - i), i * 1000] as const)],
  ])('%s', (_, samples) => {
    expect(feed(samples).outcome).not.toBe('countdown');
  });
});

describe('CountdownTracker stays bounded', () => {
  test('thousands of elements ticking every 10 ms', () => {
    const tracker = new CountdownTracker();
    const els = Array.from({ length: 2000 }, () => document.body.appendChild(document.createElement('span')));
    let observed = 0;
    for (let t = 0; t < 2000; t += 10) {
      for (let i = 0; i < els.length; i += 50) {
        tracker.observe(els[i]!, `00:${pad(59 - Math.floor(t / 1000))}.${pad(99 - ((t / 10) % 100))}`, t);
        observed += 1;
      }
    }
    expect(observed).toBe(8000);
    expect(tracker.trackedCount()).toBeLessThanOrEqual(tracker.limits.maxTracked);
    expect(tracker.samplesAccepted).toBeLessThanOrEqual(tracker.limits.maxTracked * (2000 / 250 + 1));
  });

  test('a 1 MB text sample', () => {
    const big = `${'9'.repeat(1_000_000)} 05:00`;
    expect(() => feed([[big, 0], [big.replace('05:00', '04:59'), 1000]])).not.toThrow();
  });

  test('remembers a bounded number of confirmed countdowns', () => {
    const tracker = new CountdownTracker({ maxTracked: 1000 });
    for (let n = 0; n < 80; n++) feed([0, 1, 2].map((i) => [clock(600 - i), i * 1000] as const), tracker);
    expect(tracker.confirmed().length).toBeLessThanOrEqual(tracker.limits.maxConfirmed);
  });
});

describe('watchCountdowns', () => {
  let now = 0;
  beforeEach(() => {
    now = 0;
  });
  const tick = () => new Promise((r) => setTimeout(r, 0));

  test('confirms a split-digit timer from DOM changes and the detector reports it', async () => {
    document.body.innerHTML = '<p id="deal">Deal ends in <span id="m">14</span>:<span id="s">59</span></p>';
    const seen: string[] = [];
    const watcher = watchCountdowns(window, { now: () => now, onCountdown: (s) => seen.push(s.text) });
    for (let i = 1; i <= 4; i++) {
      now = i * 1000;
      document.getElementById('s')!.textContent = pad(59 - i);
      await tick();
    }
    watcher.stop();
    expect(seen).toEqual(['Deal ends in 14:56']);
    const ctx: DarkPatternContext = { win: window, lang: 'en', verdict: () => null, text: directTextFacts('en'), now: () => now, countdowns: watcher.readout };
    const findings = countdown.detect(document, ctx);
    expect(findings.map((f) => f.element.id)).toEqual(['deal']);
    // A pass on another subtree does not report it.
    const other = document.createElement('div');
    document.body.append(other);
    expect(countdown.detect(other, ctx)).toEqual([]);
  });

  test('does nothing while the page is idle: no timers, no callbacks', async () => {
    const setTimeoutSpy = vi.spyOn(window, 'setTimeout');
    const setIntervalSpy = vi.spyOn(window, 'setInterval');
    const rafSpy = vi.spyOn(window, 'requestAnimationFrame');
    const watcher = watchCountdowns(window, { now: () => now });
    expect(setTimeoutSpy).not.toHaveBeenCalled();
    expect(setIntervalSpy).not.toHaveBeenCalled();
    expect(rafSpy).not.toHaveBeenCalled();
    await Promise.resolve();
    expect(watcher.stats().callbacks).toBe(0);
    watcher.stop();
    vi.restoreAllMocks();
  });

  test('a timer changing every 10 ms costs one look-up per 250 ms', async () => {
    document.body.innerHTML = '<p>Ends in <span id="t">00:10.00</span></p>';
    const watcher = watchCountdowns(window, { now: () => now });
    const el = document.getElementById('t')!;
    for (let i = 1; i <= 300; i++) {
      now = i * 10;
      el.textContent = `00:${pad(Math.floor((1000 - i) / 100))}.${pad((1000 - i) % 100)}`;
      await tick();
    }
    watcher.stop();
    expect(watcher.stats().records).toBeGreaterThanOrEqual(300);
    expect(watcher.stats().lookups).toBeLessThanOrEqual(3000 / 250 + 1);
    expect(watcher.readout.confirmed()).toHaveLength(1);
  });

  test('a burst of thousands of changed elements is cut to a bounded batch', async () => {
    document.body.innerHTML = Array.from({ length: 3000 }, (_, i) => `<span id="x${i}">0${i % 10}:00</span>`).join('');
    const watcher = watchCountdowns(window, { now: () => now });
    for (const el of Array.from(document.body.children)) el.textContent = '00:59';
    await tick();
    watcher.stop();
    expect(watcher.stats().lookups).toBeLessThanOrEqual(64);
  });
});

describe('BENIGN_TIMER_CONTEXT', () => {
  test.each(BENIGN_TIMER_CONTEXT.flatMap((rule) => rule.examples.map((e) => [rule.pattern, e] as const)))('%s matches %j', (pattern, text) => {
    expect(pattern.test(text)).toBe(true);
  });
  test.each(BENIGN_TIMER_CONTEXT.flatMap((rule) => rule.counterExamples.map((e) => [rule.pattern, e] as const)))('%s does not match %j', (pattern, text) => {
    expect(pattern.test(text)).toBe(false);
  });
});
