import { describe, expect, test } from 'vitest';
import { siteOf, hostOf, isWebUrl } from '../../../lib/trackers/url';

describe('siteOf: the registrable domain, as browsers define a site', () => {
  test.each([
    ['https://www.bbc.co.uk/news', 'bbc.co.uk'],
    ['https://news.beaker-demo.test/', 'beaker-demo.test'],
    ['https://alice.github.io/blog/', 'alice.github.io'],
    ['https://bob.github.io/', 'bob.github.io'],
    ['http://localhost:8080/', 'localhost'],
    ['http://127.0.0.1:3000/x', '127.0.0.1'],
  ])('%s → %s', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });

  test.each(['data:text/html,hi', 'blob:https://a.example/1', 'chrome://version', 'about:blank', 'moz-extension://x/y', '', 'not a url'])(
    '%s is not a web page',
    (url) => {
      expect(siteOf(url)).toBeNull();
      expect(hostOf(url)).toBeNull();
      expect(isWebUrl(url)).toBe(false);
    },
  );
});
