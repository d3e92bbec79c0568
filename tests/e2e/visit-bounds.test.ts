/**
 * Issue #10, item 5: a page cannot flood the log or the Targeted count. 1,500 static copies of one
 * low-stock prompt are one finding with the rest counted as capped (the background's diagnostics
 * and the log's meta), and the badge counts one.
 */
import { expect, test } from 'vitest';
import { until } from './harness';
import { eventsOfTab, hostileUrl, ofKind, openTab, useHostileChromium } from './hostile-harness';
import { badgeTextOf } from '../../scripts/lib/read-log';

const session = useHostileChromium();

test('1,500 copies of one prompt: one finding, the others capped, Targeted 1', async () => {
  const { page, tabId } = await openTab(session, hostileUrl('repeated-prompt.html'));
  const capped = () => session.ext.evaluate(() => chrome.runtime.sendMessage({ type: 'get-diagnostics' }).then((d: { capped?: Record<string, number> }) => d.capped?.['dark-pattern'] ?? 0));
  // The page's text batches reach the background in parts: wait until the copies are all accounted for.
  await until(capped, (n) => n >= 1000, 20_000);
  await page.waitForTimeout(1500);
  const patterns = ofKind(await eventsOfTab(session.ext, tabId), 'dark-pattern');
  expect(patterns.map((p) => p.type)).toEqual(['low-stock-message']);
  expect(await capped()).toBeGreaterThan(0);
  expect(await badgeTextOf(session.ext, tabId)).toBe('1');
  await page.close();
});
