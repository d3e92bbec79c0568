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

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      wait: { type: 'string', default: '3000' },
      demo: { type: 'string', default: 'news' },
      help: { type: 'boolean', short: 'h' },
      'filter-list': { type: 'string', multiple: true, default: [] },
    },
  });
  if (values.help) {
    console.log(`usage: npm run scan -- [url] [--demo ${Object.keys(DEMO_PAGES).join('|')}] [--wait ms] [--json] [--filter-list FILE]…\nWith no url, scans a page of the bundled demo site, served locally.\n--filter-list adds a filter list (EasyList, EasyPrivacy, …) from a file before the page loads; repeat it for several.`);
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
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
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
    console.log(`Targeted ${summary.targeted} · Engaged ${summary.engaged} (badge: "${badge}"). ${ratioInWords(summary.targeted, summary.engaged)}`);
    console.log(`${visit.counts.requests} requests, ${visit.counts.thirdPartyRequests} to other sites.\n`);
    const rows = summary.organizations.map((o) => ({
      organization: o.name,
      category: CATEGORY_INFO[o.category].name,
      requests: o.requests,
      party: o.thirdParty ? 'third' : 'first',
      beacons: o.beacons.length,
    }));
    for (const b of summary.unknownBeacons) rows.push({ organization: b.host, category: '(not in TrackerDB)', requests: 1, party: '', beacons: 1 });
    if (rows.length > 0) console.table(rows);
    else console.log('No tracker or beacon on this page.');
    const beacons = [...summary.organizations.flatMap((o) => o.beacons), ...summary.unknownBeacons];
    if (beacons.length > 0) {
      console.log('\nBeacons, and why:');
      for (const b of beacons) console.log(`  ${b.host}: ${b.why.join('; ')}`);
    }
    if (summary.others.length > 0) console.log(`\nAlso contacted, not counted: ${summary.others.map((o) => `${o.name} (${CATEGORY_INFO[o.category].name})`).join(', ')}`);

    console.log(`\nAds: ${summary.ads.rendered} units shown, ${summary.ads.seen} seen (≥ 50 % in view for 1 s).`);
    if (summary.ads.networks.length > 0) {
      console.table(summary.ads.networks.map((n) => ({ network: n.network, shown: n.rendered, seen: n.seen })));
    }
    const patterns = summary.darkPatterns.flatMap((g) => g.items);
    console.log(`\nDark patterns: ${patterns.length}.`);
    for (const p of patterns) {
      const explanation = explanationFor(p.type);
      console.log(`  ${explanation?.label ?? p.type} (${p.category}, confidence ${p.confidence}): "${p.evidence}"`);
      if (explanation) console.log(`    ${explanation.text}`);
    }
    return 0;
  } finally {
    await browser.close();
    await server?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof MissingPrerequisite ? error.message : error);
    process.exit(error instanceof MissingPrerequisite ? 3 : 1);
  },
);
