import { normalize } from './dom';
import type { CountdownReadout, CountdownSighting } from '../../core/detector';

/**
 * Deciding that text counts down, from samples of it over time. Pure: fed `(element, text, time)`
 * samples by `watch-countdowns.ts` (a MutationObserver) or by a test, it keeps a few samples per
 * element and confirms a countdown when the displayed time fell by about the time that passed,
 * over at least 3 samples. Never reads the clock or the DOM itself.
 */

export interface TimeReading {
  /** The displayed time in seconds, read at the finest scale (`05:23` = 323). */
  seconds: number;
  /** Seconds per step of the last digit shown (1 for `mm:ss`, 60 for `2 h 15 min`). */
  resolution: number;
  /** How many parts the time has (`02:15:09` = 3); a lone number is not read at all. */
  parts: number;
  /** `12:30` may be mm:ss or hh:mm: try both scales when judging the rate. */
  scales: readonly number[];
}

// hh:mm:ss, mm:ss, dd:hh:mm:ss, with an optional fraction (`00:05.37` on timers ticking every 10 ms).
const CLOCK = /(?<![\d:])(\d{1,3}) ?: ?(\d{2})(?: ?: ?(\d{2}))?(?: ?: ?(\d{2}))?(?: ?[.,] ?(\d{1,3}))?(?![\d:])/;
// Digits in separate boxes with no separator text: `02 15 09`.
const BOXES = /(?<![\d:])(\d{1,2}) (\d{2}) (\d{2})(?: (\d{2}))?(?![\d:])/;

/** Unit words, en/de/fr/es; a letter right after the unit would make it another word. */
const UNITS: readonly { seconds: number; words: string }[] = [
  { seconds: 86400, words: 'd|days?|tage?n?|t|jours?|j|d[ií]as?' },
  { seconds: 3600, words: 'h|hrs?|hours?|std|stunden?|heures?|horas?' },
  { seconds: 60, words: 'm|mins?|minutes?|minuten?|minutos?|mn' },
  { seconds: 1, words: 's|secs?|seconds?|sek|sekunden?|secondes?|segundos?|seg' },
];
const UNIT_RE = UNITS.map((u) => new RegExp(`(?<![\\d.,])(\\d{1,3}) ?(?:${u.words})\\.?(?![a-zà-ÿ])`, 'i'));

/** Read a displayed duration, or null when the text holds none (a lone `59` is not read). */
export function readTime(text: string): TimeReading | null {
  const t = text.length > 200 ? text.slice(0, 200) : text;
  const clock = CLOCK.exec(t) ?? BOXES.exec(t);
  if (clock) {
    const nums = [clock[1], clock[2], clock[3], clock[4]].filter((x): x is string => x !== undefined).map(Number);
    let seconds = 0;
    const weights = nums.length === 4 ? [86400, 3600, 60, 1] : nums.length === 3 ? [3600, 60, 1] : [60, 1];
    nums.forEach((n, i) => (seconds += n * weights[i]!));
    let resolution = 1;
    if (clock[5] !== undefined) {
      seconds += Number(`0.${clock[5]}`);
      resolution = 10 ** -clock[5].length;
    }
    const days = nums.length < 4 ? UNIT_RE[0]!.exec(t) : null;
    if (days) seconds += Number(days[1]) * 86400;
    return { seconds, resolution, parts: nums.length + (days ? 1 : 0), scales: nums.length === 2 && clock[5] === undefined ? [1, 60] : [1] };
  }
  let seconds = 0;
  let parts = 0;
  let resolution = 0;
  UNITS.forEach((unit, i) => {
    const m = UNIT_RE[i]!.exec(t);
    if (!m) return;
    seconds += Number(m[1]) * unit.seconds;
    parts += 1;
    resolution = unit.seconds;
  });
  // One bare `5 m` or `3 s` is too weak alone (sizes, distances), but `5 minutes` or two units are fine.
  if (parts === 0) return null;
  if (parts === 1 && !/\d ?[a-zà-ÿ]{3,}/i.test(t)) return null;
  return { seconds, resolution, parts, scales: [1] };
}

/**
 * The text of a timer as one string: text nodes joined by spaces (digits often sit in separate
 * boxes), then single digits rejoined (`0 9 : 5 9` from one element per digit is `09 : 59`).
 */
export function countdownText(el: Element, maxChars = 120): string | null {
  // Flip clocks draw each digit twice (a top and a bottom half, one of them aria-hidden): read the
  // text a screen reader gets first, and all of it only when that holds no time.
  const spoken = textForTimer(el, maxChars, true);
  if (spoken !== null && readTime(spoken) !== null) return spoken;
  return textForTimer(el, maxChars, false);
}

function textForTimer(el: Element, maxChars: number, skipAriaHidden: boolean): string | null {
  let out = '';
  let visited = 0;
  let node: Node | null = el.firstChild;
  while (node && visited < 200) {
    visited += 1;
    if (node.nodeType === 3) {
      out += ` ${(node as Text).data.slice(0, maxChars + 1)}`;
      if (out.length > maxChars * 2) return null;
    } else if (node.nodeType === 1) {
      const tag = (node as Element).localName;
      const skip = skipAriaHidden && (node as Element).getAttribute('aria-hidden') === 'true';
      if (tag !== 'script' && tag !== 'style' && tag !== 'template' && !skip && node.firstChild) {
        node = node.firstChild;
        continue;
      }
    }
    while (node && node !== el && !node.nextSibling) node = node.parentNode;
    if (!node || node === el) break;
    node = node.nextSibling;
  }
  let text = normalize(out);
  for (let i = 0; i < 3; i++) text = text.replace(/(?<!\d)(\d) (?=\d(?!\d))/g, '$1');
  text = text.replace(/ ?: ?/g, ':');
  return text.length > maxChars ? null : text;
}

/**
 * The smallest element around a changed one whose text reads as a time with the most parts:
 * the seconds digit changes, the `02 h 15 min 09 s` block around it is the timer.
 */
export function findCountdownHost(changed: Element, maxLevels = 4): { host: Element; text: string } | null {
  let best: { host: Element; text: string; parts: number } | null = null;
  let node: Element | null = changed;
  for (let level = 0; node && level <= maxLevels; level++, node = node.parentElement) {
    if (node.localName === 'body' || node.localName === 'html') break;
    const text = countdownText(node);
    if (text === null) break;
    const reading = readTime(text);
    if (reading && (!best || reading.parts > best.parts)) best = { host: node, text, parts: reading.parts };
  }
  return best && { host: best.host, text: best.text };
}

export type SampleOutcome = 'tracking' | 'countdown' | 'not-countdown' | 'ignored';

interface Sample {
  t: number;
  reading: TimeReading;
}

interface Track {
  run: Sample[];
  lastText: string;
  lastAt: number;
  increases: number;
  failures: number;
  seen: number;
}

export interface TrackerLimits {
  /** Elements followed at once; more are ignored until a slot frees up. */
  maxTracked: number;
  /** Samples kept per element. */
  maxSamples: number;
  /** A sample sooner than this after the last accepted one is dropped (timers ticking every 10 ms). */
  minIntervalMs: number;
  /** The run must span at least this long. */
  minSpanMs: number;
  /** Confirmed countdowns remembered for the readout. */
  maxConfirmed: number;
  /** Samples after which an element that never counted down is given up. */
  maxSamplesPerElement: number;
}

export const DEFAULT_TRACKER_LIMITS: TrackerLimits = {
  maxTracked: 32,
  maxSamples: 8,
  minIntervalMs: 250,
  minSpanMs: 1500,
  maxConfirmed: 50,
  maxSamplesPerElement: 60,
};

/** An element forgotten after this long without a sample frees its slot. */
const STALE_MS = 30_000;

export class CountdownTracker implements CountdownReadout {
  readonly limits: TrackerLimits;
  private readonly tracks = new Map<Element, Track>();
  private readonly decided = new WeakMap<Element, 'countdown' | 'not-countdown'>();
  private readonly sightings: CountdownSighting[] = [];
  /** Samples accepted and looked at, for tests and benchmarks (work, not time). */
  samplesAccepted = 0;
  samplesDropped = 0;

  constructor(limits: Partial<TrackerLimits> = {}) {
    this.limits = { ...DEFAULT_TRACKER_LIMITS, ...limits };
  }

  /** Whether a sample of `el` at `time` would be used: lets the watcher skip reading text. */
  wants(el: Element, time: number): boolean {
    if (this.decided.has(el) || !el.isConnected) return false;
    const track = this.tracks.get(el);
    if (track) return time - track.lastAt >= this.limits.minIntervalMs;
    return this.tracks.size < this.limits.maxTracked || this.evictStale(time);
  }

  observe(el: Element, text: string, time: number): SampleOutcome {
    const verdict = this.decided.get(el);
    if (verdict) return verdict;
    if (!el.isConnected) return 'ignored';
    let track = this.tracks.get(el);
    if (!track) {
      if (this.tracks.size >= this.limits.maxTracked && !this.evictStale(time)) {
        this.samplesDropped += 1;
        return 'ignored';
      }
      track = { run: [], lastText: '', lastAt: -Infinity, increases: 0, failures: 0, seen: 0 };
      this.tracks.set(el, track);
    }
    if (time - track.lastAt < this.limits.minIntervalMs || text === track.lastText) {
      this.samplesDropped += 1;
      return 'tracking';
    }
    this.samplesAccepted += 1;
    track.lastAt = time;
    track.lastText = text;
    track.seen += 1;
    const reading = readTime(text);
    if (!reading) {
      track.failures += 1;
      return track.failures >= 5 ? this.decide(el, 'not-countdown') : 'tracking';
    }
    const prev = track.run[track.run.length - 1];
    // Same value, other text (a label changed, or a finer box we do not read): nothing to learn.
    if (prev && reading.seconds === prev.reading.seconds) return 'tracking';
    if (prev && reading.seconds > prev.reading.seconds) {
      // A clock or a ticker going up, or a countdown looping: start over, and give up after a few.
      track.increases += 1;
      track.run = [];
      if (track.increases >= 3) return this.decide(el, 'not-countdown');
    }
    track.run.push({ t: time, reading });
    if (track.run.length > this.limits.maxSamples) track.run.shift();
    const judged = this.judge(track.run);
    if (judged) {
      this.sightings.push({ element: el, text: text.slice(0, 200), fell: judged.fell, elapsed: judged.elapsed, samples: track.run.length });
      if (this.sightings.length > this.limits.maxConfirmed) this.sightings.shift();
      return this.decide(el, 'countdown');
    }
    if (track.seen >= this.limits.maxSamplesPerElement) return this.decide(el, 'not-countdown');
    return 'tracking';
  }

  /** Countdowns confirmed so far, still on the page. */
  confirmed(): readonly CountdownSighting[] {
    return this.sightings.filter((s) => s.element.isConnected);
  }

  /** The sighting that confirmed `el`, while it is remembered. */
  sightingOf(el: Element): CountdownSighting | undefined {
    return this.sightings.find((s) => s.element === el);
  }

  /** Elements currently followed (bounded by `maxTracked`). */
  trackedCount(): number {
    return this.tracks.size;
  }

  private decide(el: Element, verdict: 'countdown' | 'not-countdown'): SampleOutcome {
    this.decided.set(el, verdict);
    this.tracks.delete(el);
    return verdict;
  }

  private evictStale(time: number): boolean {
    for (const [el, track] of this.tracks) {
      if (!el.isConnected || time - track.lastAt > STALE_MS) {
        this.tracks.delete(el);
        return true;
      }
    }
    return false;
  }

  /**
   * A countdown: at least 3 samples, at least 2 of them lower than the one before, none higher,
   * spanning `minSpanMs`, and the value fell by the elapsed time give or take a quarter and one
   * display step (a seconds display sampled on change is up to a second off).
   */
  private judge(run: readonly Sample[]): { fell: number; elapsed: number } | null {
    if (run.length < 3) return null;
    const first = run[0]!;
    const last = run[run.length - 1]!;
    const spanMs = last.t - first.t;
    if (spanMs < this.limits.minSpanMs) return null;
    let drops = 0;
    for (let i = 1; i < run.length; i++) if (run[i]!.reading.seconds < run[i - 1]!.reading.seconds) drops += 1;
    if (drops < 2) return null;
    const elapsed = spanMs / 1000;
    const fell = first.reading.seconds - last.reading.seconds;
    for (const scale of last.reading.scales) {
      const step = last.reading.resolution * scale;
      if (Math.abs(fell * scale - elapsed) <= 0.25 * elapsed + step + 0.25) {
        return { fell: Math.round(fell * scale * 100) / 100, elapsed: Math.round(elapsed * 100) / 100 };
      }
    }
    return null;
  }
}
