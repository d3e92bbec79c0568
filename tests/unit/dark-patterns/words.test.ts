import { describe, expect, test } from 'vitest';
import type { TextFacts } from '../../../lib/core/detector';
import { createTextFactsClient } from '../../../lib/content/text-facts-client';
import { DARK_PATTERN_DETECTORS, detectDarkPatterns } from '../../../lib/dark-patterns/detect-dark-patterns';
import type { DarkPatternFinding } from '../../../lib/core/detector';
import { matchWords } from '../../../lib/dark-patterns/support/structural-words';
import { NAG_PURPOSE_IDS } from '../../../lib/dark-patterns/support/nag-purpose-ids';
import { NAG_PURPOSES } from '../../../lib/dark-patterns/support/nag-purposes';
import { nagPurposeIn, wordsIn } from '../../../lib/dark-patterns/support/words';
import { directTextFacts, textFactsBatch } from '../../../lib/dark-patterns/text-facts';
import { HOLDOUT_DIR, loadFixture, loadFixtures } from './detectors/fixture-harness';

const detectors = DARK_PATTERN_DETECTORS;
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

  test('checkbox labels and overlay purposes are answered too: vetoes first, purposes in their order', () => {
    expect(NAG_PURPOSES.map((p) => p.id)).toEqual([...NAG_PURPOSE_IDS]);
    const ctx = { text: directTextFacts('en') };
    expect(wordsIn(ctx, 'Send me offers and news by email')).toMatchObject({ optInPurpose: 'marketing' });
    expect(wordsIn(ctx, 'Remember me')?.optIn).toBeUndefined();
    // Both a newsletter and an exit offer: the newsletter comes first, in NAG_PURPOSES order.
    const both = wordsIn(ctx, 'Wait! Subscribe to our newsletter')!;
    expect(both['nag.exit-offer']).toBe('Wait!');
    expect(nagPurposeIn(both)).toEqual({ id: 'newsletter', text: 'Subscribe' });
    expect(nagPurposeIn(wordsIn(ctx, 'Choose your country')!)).toBeNull();
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

    const page = await loadFixture(fixture.html);
    const lang = page.ctx.lang ?? null;
    const client = createTextFactsClient(async (texts) => textFactsBatch(texts, lang));
    const ctx = { ...page.ctx, text: (t: string) => client.lookup(t) };
    const key = (f: DarkPatternFinding) => `${f.detectorId} ${f.type} ${f.confidence} ${f.evidence}`;
    // What a person would be shown: this type on this element or around it (an early round may
    // name it with less evidence on a wider element, or another detector may take it over once more is known).
    const xpath = (el: Element) => {
      const path: number[] = [];
      for (let n: Element | null = el; n?.parentElement; n = n.parentElement) path.unshift([...n.parentElement.children].indexOf(n));
      return path.join('/');
    };
    const final = expected.map((f) => ({ type: f.type, at: xpath(f.element as Element) }));
    await direct.close();
    const related = (a: string, b: string) => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
    let found: DarkPatternFinding[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      found = detectDarkPatterns(page.win.document as unknown as Document, ctx, detectors).findings as DarkPatternFinding[];
      // Each round says only what is true: a finding an answer still on its way would take back is a false alarm.
      for (const f of found) {
        const at = xpath(f.element as Element);
        expect(final.some((g) => g.type === f.type && related(g.at, at)), `round ${round}: ${key(f)}`).toBe(true);
      }
      if (round < ROUNDS && !(await client.settle())) break;
    }
    expect(found.map(key).sort()).toEqual(expected.map(key).sort());
    await page.close();
  });
});
