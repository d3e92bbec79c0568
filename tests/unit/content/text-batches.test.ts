// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { createTextFactsClient } from '../../../lib/content/text-facts-client';
import { createFindingsReporter } from '../../../lib/content/findings-reporter';
import { MAX_MESSAGE_BYTES, MAX_TEXT_CHARS } from '../../../lib/message-limits';
import type { DarkPatternFinding, TextFacts } from '../../../lib/core/detector';
import type { FindingReport } from '../../../lib/messages';

const LOW_STOCK: TextFacts = {
  pattern: { category: 'scarcity', type: 'low-stock-message', confidence: 0.9, ruleId: 'text/low-stock-message/1@1', explanationId: 'low-stock-message' },
  button: 'other',
  discourse: false,
};
const UNKNOWN: TextFacts = { pattern: null, button: 'other', discourse: false };
const messageSize = (texts: string[]) => JSON.stringify({ type: 'classify-texts', texts, lang: 'en' }).length;

describe('text facts: classified as stored, asked in messages under the size cap', () => {
  test("the issue's 30 blocks padded with U+0001: the padding is gone before asking, every text asked, each message under 64 KB", async () => {
    const asked: string[][] = [];
    const client = createTextFactsClient(async (texts) => {
      asked.push(texts);
      return texts.map((t) => (t.includes('left in stock') ? LOW_STOCK : UNKNOWN));
    });
    const padded = Array.from({ length: 30 }, (_, i) => `Block ${i} ${'\u0001'.repeat(2000)}`);
    for (const t of padded) client.lookup(t);
    client.lookup(`\u0001\u200bOnly 2 left in stock\u202e`);
    expect(await client.settle()).toBe(true);
    expect(asked.flat()).toHaveLength(31);
    expect(asked.flat()).toContain('Only 2 left in stock');
    for (const batch of asked) expect(messageSize(batch)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    // The page's padded form is looked up under its clean key.
    expect(client.lookup('Only 2\u0001 left in stock')).toEqual(LOW_STOCK);
    expect(client.lookup('\u200bOnly 2 left in stock')).toEqual(LOW_STOCK);
    expect(client.lookup('Only 3 left in stock')).toEqual(UNKNOWN); // another text: not asked yet
  });

  test('texts that escape to more bytes than they have characters are split by bytes, none dropped', async () => {
    const asked: string[][] = [];
    const client = createTextFactsClient(async (texts) => (asked.push(texts), texts.map(() => UNKNOWN)));
    // Quotes and backslashes survive cleaning and take two characters each in JSON.
    const texts = Array.from({ length: 100 }, (_, i) => `${i}${'"\\'.repeat(MAX_TEXT_CHARS)}`.slice(0, MAX_TEXT_CHARS));
    for (const t of texts) client.lookup(t);
    await client.settle();
    expect(messageSize(texts)).toBeGreaterThan(MAX_MESSAGE_BYTES);
    expect(asked.length).toBeGreaterThan(1);
    expect(asked.flat()).toEqual(texts);
    for (const batch of asked) expect(messageSize(batch)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
  });
});

describe('findings: evidence cleaned, batches under the size cap', () => {
  const finding = (i: number, evidence: string): DarkPatternFinding => ({
    kind: 'dark-pattern',
    detectorId: 'dark-patterns/low-stock',
    element: document.createElement('p'),
    category: 'scarcity',
    type: 'low-stock-message',
    confidence: 0.9,
    evidence,
    explanationId: 'low-stock-message',
    reasons: Array.from({ length: 16 }, () => ({ rule: 'r', detail: `${i} ${'"'.repeat(190)}` })),
  }) as DarkPatternFinding;

  test('bidi overrides and zero-width characters never reach a report', () => {
    const sent: FindingReport[][] = [];
    const reporter = createFindingsReporter(async (f) => void sent.push(f));
    reporter.add([finding(0, 'Only \u202e2 left\u200b in stock\u0001')]);
    reporter.flush();
    const report = sent.flat()[0] as Extract<FindingReport, { kind: 'dark-pattern' }>;
    expect(report.evidence).toBe('Only 2 left in stock');
  });

  test('50 findings of large reasons go in several messages under 64 KB, all of them', () => {
    const sent: FindingReport[][] = [];
    const reporter = createFindingsReporter(async (f) => void sent.push(f));
    reporter.add(Array.from({ length: 50 }, (_, i) => finding(i, `Only ${i} left ${'"'.repeat(180)}`)));
    reporter.flush();
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.flat()).toHaveLength(50);
    for (const batch of sent) expect(JSON.stringify({ type: 'findings', findings: batch }).length).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
  });
});
