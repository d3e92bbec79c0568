/**
 * The main job from a terminal: build if needed, start headless Chromium with the built extension,
 * load a page, wait, and print what Beaker recorded in its IndexedDB log.
 *
 *   npm run scan                       # the demo front page (trackers, ads, dark patterns), served locally on real tracker host names
 *   npm run scan -- --demo deals       # another demo page: front (default), news, ads, deals, shop
 *   npm run scan -- https://example.org/ [--wait 5000]
 *   npm run scan --json                # JSON Lines on stdout and nothing else (npm's own --json moves its banner to stderr)
 *   npm run scan -- --filter-list easylist.txt --filter-list easyprivacy.txt   # also count what these lists match
 *
 * Exit codes (scripts/lib/cli.ts): 0 scanned, 1 failed (page unreachable, no Chromium, build failed), 2 usage.
 */
import { existsSync } from 'node:fs';
import { ensureBuilt } from './lib/build';
import { launchWithExtension, findChromium } from './lib/chromium';
import { addFilterList } from './lib/add-filter-list';
import { CliFailure, UsageError, colours, npmBannerOnStdout, parseCommandLine, runCli, textTable } from './lib/cli';
import { startFixtureServer, type FixtureServer } from './lib/fixture-server';
import { readLog, tabIdOf, tabStateOf, badgeTextOf } from './lib/read-log';
import { summarizeVisit, ratioInWords } from '../lib/log/summarize-visit';
import { CATEGORY_INFO } from '../lib/trackers/categories';
import { explanationFor } from '../lib/dark-patterns/taxonomy';

/** Demo pages of the bundled fixture site (tests/fixtures/site), served locally. The first is the default. */
const DEMO_PAGES = {
  front: { url: 'https://news.beaker-demo.test/front.html', what: 'a news front page with trackers, ads and dark patterns' },
  news: { url: 'https://news.beaker-demo.test/', what: 'a news article: trackers and beacons, no ads' },
  ads: { url: 'https://news.beaker-demo.test/ads.html', what: 'three ad units, one above the fold' },
  deals: { url: 'https://shop.beaker-demo.test/deals.html', what: 'a shop page with five dark patterns' },
  shop: { url: 'https://shop.beaker-demo.test/', what: 'a plain shop page: nothing to find' },
} as const;
type DemoName = keyof typeof DEMO_PAGES;
const DEMO_NAMES = Object.keys(DEMO_PAGES) as DemoName[];

const ENGAGED_COUNTS = 'your own acts: clicks, typing (once per field), form submits, media you started';

const USAGE = `usage: npm run scan -- [URL] [--demo NAME] [--wait MS] [--filter-list FILE]… [--json]

Loads one page in headless Chromium with the built Beaker extension (built first when the
sources changed) and prints what Beaker recorded: Targeted (tracker requests + ad units +
dark patterns) against Engaged (${ENGAGED_COUNTS.replace(', form', ',\nform')}).

  URL                an http(s) page to scan (needs the network); without it, a demo page
  --demo NAME        which demo page, served locally on real tracker host names (no network):
${DEMO_NAMES.map((d) => `                       ${d.padEnd(6)} ${DEMO_PAGES[d].what}${d === 'front' ? ' (the default)' : ''}`).join('\n')}
  --wait MS          how long to stay on the page after it loaded, in milliseconds (default 3000)
  --filter-list FILE add a filter list (EasyList, EasyPrivacy, …) from a file before the page
                     loads; its network rules count as tracker requests too; repeat for several
  --json             print the visit and its records as JSON Lines on stdout, nothing else
                     (progress and notes go to stderr). Write it \`npm run scan --json\` (no --),
                     or \`npm run -s scan -- --json\`: npm then prints its banner on stderr or not at all
  -h, --help         this help

Exit codes: 0 scanned, 1 failed (page not reachable, no Chromium, build failed), 2 usage error.`;

function parseScanArgs() {
  const { values, positionals } = parseCommandLine(
    {
      json: { type: 'boolean', default: false },
      wait: { type: 'string', default: '3000' },
      demo: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      'filter-list': { type: 'string', multiple: true, default: [] },
    },
    { allowPositionals: true },
  );
  if (values.help) return { help: true as const };
  if (positionals.length > 1) throw new UsageError(`give one URL, not ${positionals.length}`);
  if (values.demo !== undefined && !(DEMO_NAMES as string[]).includes(values.demo)) throw new UsageError(`--demo takes one of ${DEMO_NAMES.join(', ')}, not ${values.demo}`);
  if (values.demo !== undefined && positionals[0] !== undefined) throw new UsageError('give a URL or --demo, not both');
  const url = positionals[0];
  if (url !== undefined && !/^https?:\/\/[^/]/i.test(url)) throw new UsageError(`${url} is not an http(s) URL (write it like https://example.org/)`);
  if (!/^\d+$/.test(values.wait)) throw new UsageError(`--wait takes milliseconds (a whole number), not ${values.wait}`);
  // `npm run scan --json` is npm's own --json: npm passes it as npm_config_json and prints its banner on stderr.
  const json = values.json || (process.env.npm_lifecycle_event === 'scan' && process.env.npm_config_json === 'true');
  return { help: false as const, url, demo: (values.demo ?? 'front') as DemoName, waitMs: Number(values.wait), json, filterLists: values['filter-list'] };
}

/** "net::ERR_NAME_NOT_RESOLVED at https://…" → the browser's reason, without Playwright's call log. */
function loadFailure(url: string, error: unknown): CliFailure {
  const message = error instanceof Error ? error.message : String(error);
  const net = /net::ERR_[A-Z_]+/.exec(message)?.[0];
  const reason = net ?? (/Timeout \d+ms exceeded/.test(message) ? 'no answer within 60 s' : message.split('\n')[0]!.replace(/^page\.goto:\s*/, ''));
  return new CliFailure(`scan: could not load ${url} (${reason}): check the address and the network connection, or scan a demo page with \`npm run scan\`.`);
}

async function main(): Promise<number> {
  const args = parseScanArgs();
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const missing = args.filterLists.find((file) => !existsSync(file));
  if (missing !== undefined) {
    console.error(`--filter-list: no such file: ${missing}`);
    return 2;
  }
  const note = (line: string) => (args.json ? console.error(line) : console.log(line));
  if (args.json && npmBannerOnStdout()) {
    console.error('scan: npm printed its "> beaker scan" banner on stdout above the JSON Lines; `npm run scan --json` (no --) or `npm run -s scan -- --json` leaves it out.');
  }
  findChromium();
  const extensionDir = ensureBuilt('chrome');
  const demo = args.url === undefined;
  const url = args.url ?? DEMO_PAGES[args.demo].url;
  let server: FixtureServer | null = null;
  if (demo) server = await startFixtureServer();
  const browser = await launchWithExtension({ extensionDir, ...(server ? { fixturePort: server.port } : {}) });
  try {
    for (const file of args.filterLists) {
      const reply = await addFilterList(await browser.extensionPage(), file);
      if (reply.type === 'list-refused') {
        console.error(`--filter-list ${file}: ${reply.message}`);
        return 2;
      }
      const { name, version, rules, invalid } = reply.list;
      note(`Filter list: ${name}${version ? ` ${version}` : ''}, ${rules.toLocaleString('en')} rules${invalid ? ` (${invalid.toLocaleString('en')} lines not understood)` : ''}`);
    }
    const page = await browser.context.newPage();
    try {
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    } catch (error) {
      throw loadFailure(url, error);
    }
    await page.waitForTimeout(args.waitMs);
    const ext = await browser.extensionPage();
    const tabId = await tabIdOf(ext, page.url());
    const state = await tabStateOf(ext, tabId); // also flushes the background's write queue
    const badge = await badgeTextOf(ext, tabId);
    const { events, visits } = await readLog(ext);
    const visit = visits.find((v) => v.id === state.visitId);
    if (!visit) {
      throw new CliFailure(
        state.restricted
          ? `scan: Beaker cannot see ${url} (browsers keep extensions off this kind of page): scan an ordinary web page.`
          : `scan: Beaker recorded no visit for ${url}: try a longer --wait, or run again with BEAKER_DEBUG=1.`,
      );
    }
    const visitEvents = events.filter((e) => e.visitId === visit.id);
    if (args.json) {
      for (const record of [visit, ...visitEvents]) console.log(JSON.stringify(record));
      return 0;
    }
    console.log(report({ visit, visitEvents, badge, demo: demo ? args.demo : null }));
    return 0;
  } finally {
    await browser.close();
    await server?.close();
  }
}

function report(input: { visit: Parameters<typeof summarizeVisit>[0]; visitEvents: Parameters<typeof summarizeVisit>[1]; badge: string; demo: DemoName | null }): string {
  const { visit, visitEvents, badge, demo } = input;
  const c = colours(process.stdout);
  const out: string[] = [];
  const heading = (text: string) => out.push('', c.bold(text));
  const summary = summarizeVisit(visit, visitEvents);
  const { tracker, ad, darkPattern } = visit.counts;
  out.push(`Beaker scanned ${visit.url}${demo ? ` (demo page "${demo}", served locally)` : ''}`);
  out.push('');
  const n = (value: number) => String(value).padStart(String(Math.max(summary.targeted, summary.engaged)).length);
  out.push(`  ${c.bold('Targeted')} ${c.bold(n(summary.targeted))} = ${tracker} tracker requests + ${ad} ad units + ${darkPattern} dark patterns`);
  out.push(`  ${c.bold('Engaged')}  ${c.bold(n(summary.engaged))} = ${ENGAGED_COUNTS}${summary.engaged === 0 ? '; a scan does none' : ''}`);
  out.push(`  ${ratioInWords(summary.targeted, summary.engaged)}${badge ? ` The toolbar badge shows ${badge}, the Targeted count.` : ''}`);
  out.push(`  ${visit.counts.requests} requests in all, ${visit.counts.thirdPartyRequests} to other sites.`);

  heading(`Tracker requests: ${tracker}`);
  const rows: (string | number)[][] = summary.organizations.map((o) => [o.name, CATEGORY_INFO[o.category].name, o.requests, o.thirdParty ? 'third' : 'first', o.beacons.length]);
  for (const b of summary.unknownBeacons) rows.push([b.host, b.source === 'list' ? 'filter list' : 'not in TrackerDB', 1, '', b.source === 'beacon' ? 1 : 0]);
  if (rows.length > 0) out.push(textTable(['organization', 'category', 'requests', 'party', 'beacons'], rows, { indent: 2, header: c.dim }));
  else out.push('  No tracker request or beacon on this page.');
  const beacons = [...summary.organizations.flatMap((o) => o.beacons), ...summary.unknownBeacons];
  if (beacons.length > 0) {
    out.push('', '  Beacons, and why:');
    for (const b of beacons) out.push(`    ${b.host}: ${b.why.join('; ')}`);
  }
  if (summary.others.length > 0) out.push('', `  Also contacted, not counted: ${summary.others.map((o) => `${o.name} (${CATEGORY_INFO[o.category].name})`).join(', ')}.`);

  heading(`Ad units: ${ad}`);
  if (summary.ads.rendered > 0) {
    out.push(`  ${summary.ads.rendered} shown, ${summary.ads.seen} seen (at least 50 % in view for 1 s).`);
    if (summary.ads.networks.length > 0) out.push(textTable(['network', 'shown', 'seen'], summary.ads.networks.map((nw) => [nw.network, nw.rendered, nw.seen]), { indent: 2, header: c.dim }));
  } else out.push('  No ad unit on this page.');

  heading(`Dark patterns: ${darkPattern}`);
  const patterns = summary.darkPatterns.flatMap((g) => g.items);
  if (patterns.length === 0) out.push('  No dark pattern on this page.');
  for (const p of patterns) {
    const explanation = explanationFor(p.type);
    out.push(`  ${c.bold(explanation?.label ?? p.type)} (${p.category}, confidence ${p.confidence}): "${p.evidence}"`);
    if (explanation) out.push(`    ${c.dim(explanation.text)}`);
  }
  if (demo) {
    out.push('', 'Other demo pages:');
    for (const d of DEMO_NAMES.filter((name) => name !== demo)) out.push(`  npm run scan -- --demo ${d.padEnd(6)} ${DEMO_PAGES[d].what}`);
    out.push('A page of your own: npm run scan -- https://example.org/   (needs the network). Raw records: npm run scan --json');
  }
  return out.join('\n');
}

runCli('scan', main);
