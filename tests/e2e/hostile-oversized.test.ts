/**
 * Issue #13, item 3: a page cannot hide its prompts by making the classify-texts batch too big.
 * 30 text blocks padded with U+0001 (3,000 each: the batch of the old content script was about
 * 550 KB of JSON and the background dropped it whole), then a cookie dialog with no reject and a
 * low-stock message: both must be found, and the background must have dropped nothing. The same
 * with lone surrogates as padding, which no normalisation removes: the sender's byte split alone
 * keeps the batch under 64 KB.
 */
import { expect, test } from 'vitest';
import { until } from './harness';
import { eventsOfTab, hostileUrl, ofKind, openTab, useHostileChromium } from './hostile-harness';

const session = useHostileChromium();
const EXPECTED = ['consent-no-reject', 'low-stock-message'];

async function diagnostics(): Promise<{ dropped: Record<string, number> }> {
  return session.ext.evaluate(() => chrome.runtime.sendMessage({ type: 'get-diagnostics' }));
}

test.each(['', '?pad=surrogate'])('padded blocks%s: the consent dialog and the low-stock message are both found', async (query) => {
  const before = await diagnostics();
  const { page, tabId } = await openTab(session, hostileUrl(`oversized.html${query}`));
  const padded = await page.evaluate(() => (window as unknown as { __padded: { blocks: number; chars: number } }).__padded);
  expect(padded.blocks).toBe(30);
  const events = await until(
    () => eventsOfTab(session.ext, tabId),
    (e) => EXPECTED.every((t) => ofKind(e, 'dark-pattern').some((p) => p.type === t)),
    20_000,
  );
  const patterns = ofKind(events, 'dark-pattern');
  console.log(`oversized${query}: ${padded.chars} characters of blocks; found ${patterns.map((p) => p.type).join(', ')}; dropped ${JSON.stringify((await diagnostics()).dropped)}`);
  expect(patterns.map((p) => p.type).sort()).toEqual(EXPECTED);
  // Evidence holds no hidden characters.
  for (const p of patterns) expect(p.evidence).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]/);
  // Nothing was dropped as oversized (or for any other reason) by the background.
  expect((await diagnostics()).dropped).toEqual(before.dropped);
});
