/**
 * The main job from a terminal: build if needed, start headless Chromium with the built extension,
 * load a page, wait, and print what Beaker recorded in its IndexedDB log.
 *
 *   npm run scan                       # the bundled demo news site, served locally on real tracker host names
 *   npm run scan -- --demo deals       # another demo page: ads, deals, news (default), shop
 *   npm run scan -- https://example.org/ [--wait 5000] [--json]
 *   npm run scan -- --filter-list easylist.txt --filter-list easyprivacy.txt   # also count what these lists match
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ensureBuilt } from './lib/build';
import { launchWithExtension, MissingPrerequisite, findChromium } from './lib/chromium';
import { addFilterList } from './lib/add-filter-list';
import { table } from './bench/stats';
import { startFixtureServer, type FixtureServer } from './lib/fixture-server';
import { readLog, tabIdOf, tabStateOf, badgeTextOf } from './lib/read-log';
import { summarizeVisit, ratioInWords } from '../lib/log/summarize-visit';
import { CATEGORY_INFO } from '../lib/trackers/categories';
import { explanationFor } from '../lib/dark-patterns/taxonomy';

/** Demo pages of the bundled fixture site (tests/fixtures/site), served locally. */
const DEMO_PAGES: Record<string, string> = {
  news: 'https://news.beaker-demo.test/',
  ads: 'https://news.beaker-demo.test/ads.html',
  deals: 'https://shop.beaker-demo.test/deals.html',
  shop: 'https://shop.beaker-demo.test/',
};

const USAGE = `usage: npm run scan -- [url] [--demo ${Object.keys(DEMO_PAGES).join('|')}] [--wait ms] [--json] [--filter-list FILE]…`;

/** A mistake on the command line: one sentence and the usage, exit code 2. */
class UsageError extends Error {}

function parseCommandLine() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
      json: { type: 'boolean', default: false },
      wait: { type: 'string', default: '3000' },
      demo: { type: 'string', default: 'news' },
      help: { type: 'boolean', short: 'h' },
        'filter-list': { type: 'string', multiple: true, default: [] },
      },
    });
  } catch (error) {
    // parseArgs says what was wrong in its first sentence ("Unknown option '--x'.").
    throw new UsageError((error instanceof Error ? error.message : String(error)).split('. ')[0]!.replace(/\.$/, ''));
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine();
  if (values.help) {
    console.log(
      `${USAGE}\nWith no url, scans a page of the bundled demo site, served locally (${Object.keys(DEMO_PAGES).join(', ')}).\n--filter-list adds a filter list (EasyList, EasyPrivacy, …) from a file before the page loads; repeat it for several.\n--json prints the visit and its records as JSON Lines (use npm run -s, so npm prints no banner).`,
    );
    return 0;
  }
  const demoUrl = DEMO_PAGES[values.demo];
  if (!demoUrl) {
    console.error(`--demo takes one of ${Object.keys(DEMO_PAGES).join(', ')}`);
    return 2;
  }
  const url = positionals[0] ?? demoUrl;
  if (!/^https?:\/\//i.test(url)) {
    console.error(`Not an http(s) URL: ${url}`);
    return 2;
  }
  const waitMs = Number.parseInt(values.wait, 10);
  if (!Number.isFinite(waitMs) || waitMs < 0) {
    console.error(`--wait takes milliseconds, got ${values.wait}`);
    return 2;
  }
  const missing = values['filter-list'].find((file) => !existsSync(file));
  if (missing !== undefined) {
    console.error(`--filter-list: no such file: ${missing}`);
    return 2;
  }
  findChromium();
  const extensionDir = ensureBuilt('chrome');
  const demo = positionals[0] === undefined;
  let server: FixtureServer | null = null;
  if (demo) server = await startFixtureServer();
  const browser = await launchWithExtension({ extensionDir, ...(server ? { fixturePort: server.port } : {}) });
  try {
    for (const file of values['filter-list']) {
      const reply = await addFilterList(await browser.extensionPage(), file);
      if (reply.type === 'list-refused') {
        console.error(`--filter-list ${file}: ${reply.message}`);
        return 2;
      }
      const { name, version, rules, invalid } = reply.list;
      if (!values.json) console.log(`Filter list: ${name}${version ? ` ${version}` : ''}, ${rules.toLocaleString('en')} rules${invalid ? ` (${invalid.toLocaleString('en')} lines not understood)` : ''}`);
    }
    const page = await browser.context.newPage();
    try {
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    } catch (error) {
      // net::ERR_NAME_NOT_RESOLVED, a timeout…: the browser's own words, first line only.
      console.error(`Could not load ${url}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
      return 1;
    }
    await page.waitForTimeout(waitMs);
    const ext = await browser.extensionPage();
    const tabId = await tabIdOf(ext, page.url());
    const state = await tabStateOf(ext, tabId); // also flushes the background's write queue
    const badge = await badgeTextOf(ext, tabId);
    const { events, visits } = await readLog(ext);
    const visit = visits.find((v) => v.id === state.visitId);
    if (!visit) {
      console.error(state.restricted ? 'Beaker cannot see this page.' : 'Beaker recorded no visit for this page.');
      return 1;
    }
    const visitEvents = events.filter((e) => e.visitId === visit.id);
    if (values.json) {
      for (const record of [visit, ...visitEvents]) console.log(JSON.stringify(record));
      return 0;
    }
    const summary = summarizeVisit(visit, visitEvents);
    console.log(`Beaker scanned ${visit.url}${demo ? ' (demo site, served locally)' : ''}`);
    const { tracker, ad, darkPattern } = visit.counts;
    console.log(`Targeted ${summary.targeted} · Engaged ${summary.engaged}${badge ? ` (the toolbar badge shows ${badge})` : ''}. ${ratioInWords(summary.targeted, summary.engaged)}`);
    console.log(`Targeted = ${tracker} tracker requests + ${ad} ad units + ${darkPattern} dark patterns. ${visit.counts.requests} requests in all, ${visit.counts.thirdPartyRequests} to other sites.\n`);
    const rows: (string | number)[][] = summary.organizations.map((o) => [o.name, CATEGORY_INFO[o.category].name, o.requests, o.thirdParty ? 'third' : 'first', o.beacons.length]);
    for (const b of summary.unknownBeacons) rows.push([b.host, b.source === 'list' ? 'filter list' : 'not in TrackerDB', 1, '', b.source === 'beacon' ? 1 : 0]);
    if (rows.length > 0) console.log(table(['organization', 'category', 'requests', 'party', 'beacons'], rows));
    else console.log('No tracker request or beacon on this page.');
    const beacons = [...summary.organizations.flatMap((o) => o.beacons), ...summary.unknownBeacons];
    if (beacons.length > 0) {
      console.log('\nBeacons, and why:');
      for (const b of beacons) console.log(`  ${b.host}: ${b.why.join('; ')}`);
    }
    if (summary.others.length > 0) console.log(`\nAlso contacted, not counted: ${summary.others.map((o) => `${o.name} (${CATEGORY_INFO[o.category].name})`).join(', ')}`);

    console.log(`\nAds: ${summary.ads.rendered} units shown, ${summary.ads.seen} seen (≥ 50 % in view for 1 s).`);
    if (summary.ads.networks.length > 0) {
      console.log(table(['network', 'shown', 'seen'], summary.ads.networks.map((n) => [n.network, n.rendered, n.seen])));
    }
    const patterns = summary.darkPatterns.flatMap((g) => g.items);
    console.log(`\nDark patterns: ${patterns.length}.`);
    for (const p of patterns) {
      const explanation = explanationFor(p.type);
      console.log(`  ${explanation?.label ?? p.type} (${p.category}, confidence ${p.confidence}): "${p.evidence}"`);
      if (explanation) console.log(`    ${explanation.text}`);
    }
    if (demo) console.log(`\nOther demo pages: ${Object.keys(DEMO_PAGES).filter((d) => d !== values.demo).map((d) => `--demo ${d}`).join(', ')}.`);
    return 0;
  } finally {
    await browser.close();
    await server?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}.\n${USAGE}`);
      process.exit(2);
    }
    console.error(error instanceof MissingPrerequisite ? error.message : error);
    process.exit(error instanceof MissingPrerequisite ? 3 : 1);
  },
);
