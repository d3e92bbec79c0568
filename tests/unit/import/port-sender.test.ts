import { expect, test } from 'vitest';
import { isExtensionPage } from '../../../lib/background/export-import';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

test.each([
  [{ id: ID, url: `${ORIGIN}options.html` }, true],
  [{ id: ID, url: `moz-extension://${ID}/options.html` }, false],
  // A content script of this extension: its sender URL is the page's.
  [{ id: ID, url: 'https://news.example/' }, false],
  [{ id: 'another-extension', url: `${ORIGIN}options.html` }, false],
  [{ id: ID }, false],
  [undefined, false],
])('export and import ports: sender %o → %s', (sender, allowed) => {
  expect(isExtensionPage(sender, ID, ORIGIN)).toBe(allowed);
});
