import { buildIndex } from '../../../../lib/core/page-index';
import { CONTENT_INDEX_SPEC } from '../../../../lib/content/passes';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import type { DarkPatternContext } from '../../../../lib/dark-patterns/support/context';
import { watchCountdowns } from '../../../../lib/content/watch-countdowns';
import { directTextFacts } from '../../../../lib/dark-patterns/text-facts';

/**
 * Fixture pages for the dark-pattern detectors (tests/fixtures/dark-patterns/*.html). Each names
 * what it holds in meta tags:
 *   beaker-expected  comma-separated pattern types the page shows (empty: none)
 *   beaker-detector  the detector(s) the page was written for (their positive or negative case)
 *   beaker-context   time facts for the context, e.g. `now=4000; loadedAt=0; lastUserGestureAt=none`
 * and, for timers, a `<script type="application/json" id="beaker-timeline">` of text changes
 * replayed through the real MutationObserver watcher with a fake clock.
 */

// A path, not `new URL()`: under happy-dom the global URL is the window's, which Node rejects.
export const FIXTURE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/dark-patterns');

export interface Fixture {
  name: string;
  html: string;
  expected: string[];
  detectors: string[];
}

function meta(html: string, name: string): string | null {
  const m = new RegExp(`<meta\\s+name="${name}"\\s+content="([^"]*)"`, 'i').exec(html);
  return m ? m[1]! : null;
}

const list = (value: string | null) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The hold-out pages (written before tuning, never tuned against): scored by `npm run eval -- --holdout`. */
export const HOLDOUT_DIR = join(FIXTURE_DIR, 'holdout');

export function loadFixtures(dir: string = FIXTURE_DIR): Fixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((name) => {
      const html = readFileSync(join(dir, name), 'utf8');
      return { name, html, expected: list(meta(html, 'beaker-expected')), detectors: list(meta(html, 'beaker-detector')) };
    });
}

interface TimelineStep {
  at: number;
  set: Record<string, string>;
}

export interface LoadedFixture {
  win: Window;
  ctx: DarkPatternContext;
  close(): Promise<void>;
}

/** Parse `key=value; …` context facts: numbers, `none` (null) or absent (undefined). */
function contextFacts(html: string): { now: number; loadedAt?: number; lastUserGestureAt?: number | null; width: number; height: number } {
  const facts: Record<string, string> = {};
  for (const part of (meta(html, 'beaker-context') ?? '').split(';')) {
    const [k, v] = part.split('=').map((s) => s.trim());
    if (k && v !== undefined) facts[k] = v;
  }
  const num = (v: string | undefined) => (v === undefined ? undefined : v === 'none' ? null : Number(v));
  const [width, height] = (facts.viewport ?? '1280x800').split('x').map(Number);
  return {
    now: Number(facts.now ?? 5000),
    loadedAt: num(facts.loadedAt) ?? undefined,
    lastUserGestureAt: num(facts.lastUserGestureAt),
    width: width!,
    height: height!,
  };
}

/** Load a fixture into a fresh happy-dom window, replay its timeline, and build the context. */
export async function loadFixture(html: string): Promise<LoadedFixture> {
  const facts = contextFacts(html);
  const win = new Window({ width: facts.width, height: facts.height, settings: { disableJavaScriptEvaluation: true } });
  win.document.write(html);
  const ctx: DarkPatternContext = {
    win: win as unknown as globalThis.Window,
    lang: (win.document.documentElement.getAttribute('lang') ?? '').slice(0, 2).toLowerCase() || null,
    verdict: () => null,
    text: directTextFacts((win.document.documentElement.getAttribute('lang') ?? '').slice(0, 2).toLowerCase() || null),
    now: () => facts.now,
    // The extension's path: one walk per root, filed by every content detector's sources.
    index: (root) => buildIndex(root, CONTENT_INDEX_SPEC),
  };
  if (facts.loadedAt !== undefined) ctx.loadedAt = facts.loadedAt;
  if (facts.lastUserGestureAt !== undefined) ctx.lastUserGestureAt = facts.lastUserGestureAt;

  const timelineText = win.document.getElementById('beaker-timeline')?.textContent;
  if (timelineText) {
    let clock = 0;
    const watcher = watchCountdowns(win as unknown as globalThis.Window, { now: () => clock });
    for (const step of JSON.parse(timelineText) as TimelineStep[]) {
      clock = step.at;
      for (const [selector, text] of Object.entries(step.set)) {
        const el = win.document.querySelector(selector);
        if (el) el.textContent = text;
      }
      // Let the MutationObserver deliver this step's records at this step's time.
      await new Promise((r) => setTimeout(r, 0));
    }
    watcher.stop();
    ctx.countdowns = watcher.readout;
  }
  return { win, ctx, close: () => win.happyDOM.close() };
}
