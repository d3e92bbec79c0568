import { MAX_TEXT_FACT_LENGTH, type DetectorContext } from '../../core/detector';
import { CONSENT_TERM_STRENGTH, consentFromTerms, type ConsentTermId } from './consent-term-ids';
import type { NagPurposeId } from './nag-purposes';
import type { WordHits } from './structural-words';

/**
 * The structural detectors' wording, asked of the background with the text facts (`ctx.text`):
 * the rules (support/structural-words.ts, 9 KB of patterns in seven languages) run there, never in
 * the content script of every frame (ARCHITECTURE.md, "Content collects, the background classifies").
 *
 * `null` means "not known yet": the scanner fetches what was asked and runs the pass again
 * (lib/content/scanner.ts), so a detector must treat `null` as "do not report" both where a word is
 * the evidence (no finding yet) and where a word would clear the page (a guest option, an online
 * way out): an answer still on its way never makes a finding.
 *
 * A text longer than one question (MAX_TEXT_FACT_LENGTH) is asked in overlapping windows that start
 * at a word; no rule matches more than OVERLAP characters, so every match falls inside a window.
 */
const WINDOW = MAX_TEXT_FACT_LENGTH;
const OVERLAP = 200;
/** A checkout scope is read up to 6,000 characters: 20 windows at most. */
const MAX_WINDOWS = 24;

export function wordsIn(ctx: Pick<DetectorContext, 'text'>, text: string): WordHits | null {
  if (text.length <= WINDOW) return ctx.text(text).words ?? null;
  const merged: Partial<Record<string, string>> = {};
  let unknown = false;
  for (let start = 0, n = 0; start < text.length && n < MAX_WINDOWS; n++) {
    const words = ctx.text(text.slice(start, start + WINDOW)).words;
    // Ask every window in this round even when one is unknown: one settle answers them all.
    if (!words) unknown = true;
    else for (const key in words) merged[key] ??= words[key];
    if (start + WINDOW >= text.length) break;
    // The next window starts after a space in the overlap, so it never starts inside a word.
    const from = start + WINDOW - OVERLAP;
    const space = text.indexOf(' ', from);
    start = space === -1 || space >= start + WINDOW ? from : space + 1;
  }
  return unknown ? null : (merged as WordHits);
}

/**
 * The first overlay purpose the words name, with its matched text: `matchWords` adds them in
 * NAG_PURPOSES order, and a long text's windows add theirs in text order (`wordsIn`), so the first
 * `nag.` key is the first purpose of the first window that names one (for one window: as the rules
 * read the whole text).
 */
export function nagPurposeIn(words: WordHits): { id: NagPurposeId; text: string } | null {
  for (const key in words) {
    if (key.startsWith('nag.')) return { id: key.slice(4) as NagPurposeId, text: words[key as keyof WordHits]! };
  }
  return null;
}

/**
 * Whether a text reads as a consent dialog's (as `consentScore`), from its words; `null` when not
 * known yet. Callers treat `null` as they treat the answer that keeps them quiet.
 */
export function consentIn(ctx: Pick<DetectorContext, 'text'>, text: string): { consent: boolean; terms: ConsentTermId[] } | null {
  const words = wordsIn(ctx, text);
  if (!words) return null;
  const terms = (Object.keys(CONSENT_TERM_STRENGTH) as ConsentTermId[]).filter((id) => words[`consent.${id}`] !== undefined);
  return { consent: consentFromTerms(terms), terms };
}
