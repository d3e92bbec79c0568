/**
 * Issue #7, item 4 (and #11's consent dialogs in shadow roots): the scanner walks open shadow roots
 * as roots of their own and watches them like the document. A consent banner rendered inside a web
 * component, and a stock note added to another component's shadow root after load, are both found.
 */
import { expect, test } from 'vitest';
import { until } from './harness';
import { eventsOfTab, hostileUrl, ofKind, openTab, useHostileChromium } from './hostile-harness';

const session = useHostileChromium();

test('prompts inside open shadow roots are found, at load and when added later', async () => {
  const { page, tabId } = await openTab(session, hostileUrl('shadow-consent.html'));
  const types = async () => ofKind(await eventsOfTab(session.ext, tabId), 'dark-pattern').map((e) => e.type).sort();
  const found = await until(types, (t) => t.includes('consent-no-reject') && t.includes('low-stock-message'), 15_000);
  expect(found).toEqual(['consent-no-reject', 'low-stock-message']);
  // The evidence is the component's own text, read through its shadow root.
  const stock = ofKind(await eventsOfTab(session.ext, tabId), 'dark-pattern').find((e) => e.type === 'low-stock-message');
  expect(stock?.evidence).toContain('Only 3 left in stock');
  await page.close();
});
