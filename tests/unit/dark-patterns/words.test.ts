import { describe, expect, test } from 'vitest';
import type { TextFacts } from '../../../lib/core/detector';
import { createTextFactsClient } from '../../../lib/content/text-facts-client';
import { DARK_PATTERN_DETECTORS, detectDarkPatterns } from '../../../lib/dark-patterns/detect-dark-patterns';
import type { DarkPatternFinding } from '../../../lib/core/detector';
import { matchWords } from '../../../lib/dark-patterns/support/structural-words';
import { wordsIn } from '../../../lib/dark-patterns/support/words';
import { directTextFacts, textFactsBatch } from '../../../lib/dark-patterns/text-facts';
import { HOLDOUT_DIR, loadFixture, loadFixtures } from './detectors/fixture-harness';

const STRUCTURAL = ['dark-patterns/obstruction', 'dark-patterns/forced-action', 'dark-patterns/pressured-selling', 'dark-patterns/soft-prompt'];
const detectors = DARK_PATTERN_DETECTORS.filter((d) => STRUCTURAL.includes(d.id));
/** The scanner's MAX_ROUNDS (lib/content/scanner.ts): a pass runs at most three times, two answers between. */
const ROUNDS = 3;

const filler = (n: number) => 'lorem ipsum dolor '.repeat(Math.ceil(n / 18)).slice(0, n);

describe('wordsIn: the structural wording, asked with the text facts', () => {
  test('a short text is one question; its answer is the background matcher’s', () => {
    const ctx = { text: directTextFacts('en') };
    expect(wordsIn(ctx, 'To cancel, please call our customer service team')).toEqual(matchWords('To cancel, please call our customer service team'));
    expect(wordsIn(ctx, 'To cancel, please call us')?.cancelTopic).toBe('cancel');
    expect(wordsIn(ctx, 'Add to cart')).toEqual({});
  });

  test('not known yet reads as null, never as "no match"', () => {
    const unknown: TextFacts = { pattern: null, button: 'other', discourse: false };
    expect(wordsIn({ text: () => unknown }, 'Cancellations cannot be made online')).toBeNull();
    // One window of a long text unknown: the whole answer is unknown.
    let calls = 0;
    const facts = directTextFacts('en');
    const half = { text: (t: string) => (++calls === 2 ? unknown : facts(t)) };
    expect(wordsIn(half, `${filler(1200)} cannot be made online`)).toBeNull();
  });

  test('a long text is read in overlapping windows: a match across a window edge is found, a window never starts inside a word', () => {
    const asked: string[] = [];
    const facts = directTextFacts('en');
    const ctx = { text: (t: string) => (asked.push(t), facts(t)) };
    // "cannot be made online" straddles the first window's end (500).
    const text = `${filler(485)} Cancellations cannot be made online. ${filler(2500)}`;
    const words = wordsIn(ctx, text);
    expect(words?.notOnline).toBe('cannot be made online');
    expect(asked.length).toBeGreaterThan(5);
    for (const window of asked) expect(window.length).toBeLessThanOrEqual(500);
    for (let i = 1; i < asked.length; i++) expect(text[text.indexOf(asked[i]!) - 1]).toBe(' ');
    // "xcancel" is no cancel: a window that started at "cancel" would say it is.
    const glued = `${filler(299)}xcancel ${filler(700)}`;
    expect(wordsIn(ctx, glued)?.cancelTopic).toBeUndefined();
  });
});

describe('the structural detectors under the content script’s rounds (ask, settle, run again)', () => {
  const fixtures = [...loadFixtures(), ...loadFixtures(HOLDOUT_DIR)];

  test.each(fixtures.map((f) => [f.name, f] as const))('%s: no finding an answer takes back, then what the direct rules say', async (_name, fixture) => {
    const direct = await loadFixture(fixture.html);
    const expected = detectDarkPatterns(direct.win.document as unknown as Document, direct.ctx, detectors).findings as DarkPatternFinding[];
    await direct.close();

    const page = await loadFixture(fixture.html);
    const lang = page.ctx.lang ?? null;
    const client = createTextFactsClient(async (texts) => textFactsBatch(texts, lang));
    const ctx = { ...page.ctx, text: (t: string) => client.lookup(t) };
    const key = (f: DarkPatternFinding) => `${f.detectorId} ${f.type} ${f.confidence} ${f.evidence}`;
    const final = new Set(expected.map(key));
    let found: DarkPatternFinding[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      found = detectDarkPatterns(page.win.document as unknown as Document, ctx, detectors).findings as DarkPatternFinding[];
      // Each round says only what is true: a finding an answer still on its way would take back is a false alarm.
      for (const f of found) expect(final.has(key(f)), `round ${round}: ${key(f)}`).toBe(true);
      if (round < ROUNDS && !(await client.settle())) break;
    }
    expect(found.map(key).sort()).toEqual([...final].sort());
    await page.close();
  });
});
