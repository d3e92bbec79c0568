/**
 * What every command line of scripts/ shares (scan, crawl, export, merge, bench): flags parsed
 * with node's parseArgs, a mistake on the command line as one sentence and exit code 2, a failure
 * as one sentence and exit code 1, tables as plain aligned text, colour only on a terminal.
 *
 * Exit codes: 0 done, 1 failed (unreachable page, no Chromium, build failed, bad input file),
 * 2 usage (unknown flag, bad value). A stack trace is printed only with BEAKER_DEBUG=1.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BuildFailed } from './build';
import { MissingPrerequisite } from './chromium';

/** A mistake on the command line: exit code 2. The message is one sentence, without the final period. */
export class UsageError extends Error {}

/** A failure the person can act on: exit code 1. The message says what happened and what to do. */
export class CliFailure extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs, with its errors turned into one plain sentence ("unknown option --x"). */
export function parseCommandLine<O extends Options>(options: O, opts: { args?: string[]; allowPositionals?: boolean } = {}) {
  try {
    return parseArgs({ args: opts.args ?? process.argv.slice(2), options, allowPositionals: opts.allowPositionals ?? false, strict: true });
  } catch (error) {
    throw new UsageError(usageSentence(error));
  }
}

/** node's parseArgs messages, first sentence only, in the same words the scripts use elsewhere. */
export function usageSentence(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split(/\.(\s|$)/)[0]!;
  const unknown = /^Unknown option '([^']+)'/.exec(first);
  if (unknown) return `unknown option ${unknown[1]}`;
  const positional = /^Unexpected argument '([^']+)'/.exec(first);
  if (positional) return `unexpected argument ${positional[1]}`;
  const missing = /^Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(first);
  if (missing) return `${missing[1]} needs a value`;
  const bool = /^Option '(?:-\w, )?(--[\w-]+)' does not take an argument/.exec(first);
  if (bool) return `${bool[1]} takes no value`;
  return first.charAt(0).toLowerCase() + first.slice(1);
}

/** The first line of an error's message (never a stack trace unless BEAKER_DEBUG=1). */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.trim().replace(/\.$/, '');
}

/**
 * Run a command's main and exit with its code. UsageError → the sentence and where the help is, 2;
 * MissingPrerequisite, BuildFailed and CliFailure → their sentence, 1; anything else → its first line, 1.
 */
export function runCli(
  name: string,
  main: () => Promise<number>,
  opts: {
    /** A command's own refusals: the line to print and the exit code, or null for the usual handling. */
    known?: (error: unknown) => { message: string; code: number } | null;
    /** Words after "failed" for an unexpected error ("failed, nothing written"). */
    failed?: string;
  } = {},
): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (process.env.BEAKER_DEBUG === '1') console.error(error);
      const known = opts.known?.(error);
      if (known) {
        console.error(known.message);
        process.exit(known.code);
      }
      if (error instanceof UsageError) {
        console.error(`${name}: ${error.message}. Run \`npm run ${name} -- --help\` to see every option.`);
        process.exit(2);
      }
      if (error instanceof MissingPrerequisite || error instanceof BuildFailed || error instanceof CliFailure) {
        console.error(error.message);
        process.exit(1);
      }
      console.error(`${name}: ${opts.failed ?? 'failed'}: ${firstLine(error)}. Run again with BEAKER_DEBUG=1 for the details.`);
      process.exit(1);
    },
  );
}

/** Colour for a stream: only when it is a terminal, and never with NO_COLOR set. */
export function colours(stream: NodeJS.WriteStream, enabled = true) {
  const on = enabled && stream.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  const wrap = (open: number, close: number) => (text: string) => (on ? `\x1b[${open}m${text}\x1b[${close}m` : text);
  return { on, bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), cyan: wrap(36, 39) };
}

/** Visible width of a cell (ANSI colour codes take no room). */
function width(text: string): number {
  // eslint-disable-next-line no-control-regex
  return [...text.replace(/\x1b\[\d+m/g, '')].length;
}

/**
 * A table for a terminal: a header, a rule, the rows; numbers right-aligned, text left-aligned,
 * no index column and no quotes. `indent` puts spaces before every line.
 */
export function textTable(headers: readonly string[], rows: readonly (readonly (string | number)[])[], opts: { indent?: number; header?: (text: string) => string } = {}): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? c.toLocaleString('en') : c)));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] === ''));
  const widths = headers.map((h, i) => Math.max(width(h), ...cells.map((r) => width(r[i] ?? ''))));
  const pad = (text: string, i: number) => {
    const gap = ' '.repeat(widths[i]! - width(text));
    return numeric[i] ? gap + text : text + gap;
  };
  const indent = ' '.repeat(opts.indent ?? 0);
  const header = opts.header ?? ((t: string) => t);
  const line = (r: readonly string[]) => indent + r.map(pad).join('  ').trimEnd();
  return [indent + header(headers.map(pad).join('  ').trimEnd()), indent + widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** True when npm printed its "> beaker@… scan" banner on stdout before this script started. */
export function npmBannerOnStdout(): boolean {
  // npm_lifecycle_event is the script's name under `npm run` (npx sets it too, to "npx", and prints no banner).
  return process.env.npm_lifecycle_event === 'scan' && process.env.npm_config_loglevel !== 'silent' && process.env.npm_config_json !== 'true';
}
