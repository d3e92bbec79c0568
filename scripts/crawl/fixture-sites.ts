import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { startFixtureServer, type FixtureServer } from '../lib/fixture-server';

/**
 * The crawl's fixture sites (tests/fixtures/crawl, ARCHITECTURE.md "Crawl"), for the e2e test and
 * the bench: the fixture server with the crawl's folders, a redirect and a host that never answers.
 */
export const CRAWL_FIXTURE_DIR = resolve(fileURLToPath(new URL('../../tests/fixtures/crawl/', import.meta.url)));

export const REDIRECT_FROM = 'https://old.crawl-i.test/';
export const REDIRECT_TO = 'https://new.crawl-i.test/';
export const HANGING_URL = 'https://hang.crawl-j.test/';
export const TAB_CRASH_URL = 'https://crash-tab.crawl-k.test/';
export const BROWSER_CRASH_URL = 'https://crash-browser.crawl-l.test/';
export const NO_DNS_URL = 'https://no-such-site.invalid/';

/** Sites that load and behave: ads, dark patterns, trackers, none at all. */
export const WORKING_URLS = [
  'https://news.crawl-a.test/',
  'https://shop.crawl-b.test/',
  'https://consent.crawl-c.test/',
  'https://sale.crawl-d.test/',
  'https://deals.crawl-e.test/',
  'https://stories.crawl-f.test/',
  'https://pixels.crawl-g.test/',
  'https://plain.crawl-h.test/',
  REDIRECT_FROM,
] as const;

export function startCrawlFixtures(): Promise<FixtureServer> {
  return startFixtureServer({
    extraSiteDirs: [CRAWL_FIXTURE_DIR],
    neverAnswer: [new URL(HANGING_URL).hostname],
    redirects: { [REDIRECT_FROM]: REDIRECT_TO },
  });
}
