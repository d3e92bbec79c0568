/**
 * Issue #13, item 6: a page cannot tell from its own world that Beaker is there. The same page of
 * probes (Notification.requestPermission and PushManager.subscribe as functions, their source through
 * another frame's Function.prototype.toString, globals, symbols, stack frames, attributes, messages)
 * is read in Chromium with the built extension and in the same Chromium without it; the answers
 * must be the same. What a page can still tell is said in the README ("What a page can tell").
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchPlainChromium, type PlainChromium } from '../../scripts/bench/plain-chromium';
import { until } from './harness';
import { hostileUrl, openTab, useHostileChromium } from './hostile-harness';

const PAGE = readFileSync(fileURLToPath(new URL('../fixtures/hostile/pages.beaker-hostile.test/fingerprint.html', import.meta.url)), 'utf8');
const session = useHostileChromium();
let plain: PlainChromium;
beforeAll(async () => {
  plain = await launchPlainChromium();
  plain.pages.set('fingerprint.html', PAGE);
});
afterAll(async () => {
  await plain?.close();
});

const readProbes = async (page: import('playwright-core').Page) =>
  until(() => page.evaluate(() => (window as { __probes?: unknown }).__probes ?? null), (p) => p !== null, 15_000);

test('every probe reads the same with and without Beaker', async () => {
  const { page } = await openTab(session, hostileUrl('fingerprint.html'));
  const withBeaker = await readProbes(page);
  const bare = await plain.open('fingerprint.html');
  const without = await readProbes(bare);
  // The probes ran: a Notification API to look at, and no wrapper around it.
  expect((without as { requestPermission: { name: string } }).requestPermission.name).toBe('requestPermission');
  expect(withBeaker).toEqual(without);
  await page.close();
});

test('the probes see a wrapper (the control): the hook Beaker used to install, even as a Proxy, reads differently', async () => {
  const without = await readProbes(await plain.open('fingerprint.html'));
  // As the old page-world hook did (a function wrapper), and as a careful one would (a Proxy).
  const wrapper = `Notification.requestPermission = (function (original) { return function u() { return original.apply(this, arguments); }; })(Notification.requestPermission);`;
  const proxy = `Notification.requestPermission = new Proxy(Notification.requestPermission, { apply: (t, self, args) => Reflect.apply(t, self, args) });`;
  for (const script of [wrapper, proxy]) {
    const hooked = await readProbes(await plain.open('fingerprint.html', [script]));
    expect(hooked, script).not.toEqual(without);
  }
});
