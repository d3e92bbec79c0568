/**
 * Crawl a list of URLs with the real extension in headless Chromium (ARCHITECTURE.md, "Crawl";
 * docs/crawl.md has every option, the outputs and what each failure means).
 *
 *   npm run crawl -- --urls list.txt --out DIR [--dwell 10] [--scroll] [--concurrency N]
 *                    [--shard i/n] [--resume] [--filter-list FILE] [--queue redis://HOST:PORT/NAME]
 *                    [--timeout 30] [--redis-timeout 30] [--extension DIR]
 *   npm run crawl -- --merge DIR1 DIR2 … --out MERGED
 */
import { MissingPrerequisite } from './lib/chromium';
import { firstLine, usageSentence } from './lib/cli';
import { USAGE, parseCrawlCommand } from './crawl/cli-options';
import { mergeCrawlDirs } from './crawl/merge-dirs';
import { runCrawl } from './crawl/run-crawl';

async function main(): Promise<number> {
  const command = parseCrawlCommand(process.argv.slice(2));
  if (command.kind === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (command.kind === 'error') {
    // cli-options' messages end with the usage; one sentence and where the help is, as every script says it.
    const first = command.message.split('\n')[0]!;
    const sentence = first.startsWith('usage:') ? 'give --urls FILE and --out DIR (or --merge DIR… --out DIR)' : usageSentence(new Error(first));
    console.error(`crawl: ${sentence.replace(/\.$/, '')}. Run \`npm run crawl -- --help\` to see every option.`);
    return 2;
  }
  if (command.kind === 'merge') {
    const { rows, duplicates } = mergeCrawlDirs(command.inputs, command.out);
    console.error(`crawl: merged ${command.inputs.length} directories into ${command.out}: ${rows.length} rows, ${duplicates} URLs done more than once (one kept)`);
    return 0;
  }
  const options = command.options;
  try {
    const result = await runCrawl(options);
    const failed = result.rows.filter((r) => r.status !== 'ok' && r.status !== 'skipped').length;
    const skipped = result.rows.filter((r) => r.status === 'skipped').length;
    console.error(
      `crawl: ${result.visited} URLs visited in this run; ${options.out}/summary.csv has ${result.rows.length} rows (${failed} failed, ${skipped} lines skipped); ${result.browserRestarts} browser restarts`,
    );
    if (result.stopped) {
      console.error(`crawl: stopped: ${result.stopped}`);
      return result.stopped === 'interrupted' ? 130 : 4;
    }
    return 0;
  } catch (error) {
    if (error instanceof MissingPrerequisite) {
      console.error(error.message);
      return 1;
    }
    if (process.env.BEAKER_DEBUG === '1') console.error(error);
    console.error(`crawl: ${firstLine(error)}.`);
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (process.env.BEAKER_DEBUG === '1') console.error(error);
    console.error(`crawl: failed: ${firstLine(error)}. Run again with BEAKER_DEBUG=1 for the details.`);
    process.exit(1);
  },
);
