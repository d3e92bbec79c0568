import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Page } from 'playwright-core';
import { FILTER_LIST_PORT, MAX_LIST_CHUNK_CHARS, filterListReply, type FilterListReply } from '../../lib/filter-list-messages';

/**
 * `--filter-list FILE` (npm run scan, the crawl): the file goes to the real extension as the settings
 * page sends it, over its port from an extension page (lib/options/filter-lists.ts), so the
 * background checks, parses and keeps it the same way. Returns the background's answer.
 */
export async function addFilterList(ext: Page, file: string): Promise<FilterListReply> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { type: 'list-refused', message: `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  const raw = await ext.evaluate(
    async ({ text, name, port: portName, chunk }) => {
      interface Port {
        postMessage(message: unknown): void;
        disconnect(): void;
        onMessage: { addListener(fn: (message: unknown) => void): void };
        onDisconnect: { addListener(fn: () => void): void };
      }
      const port = (chrome.runtime as unknown as { connect(info: { name: string }): Port }).connect({ name: portName });
      const reply = new Promise<unknown>((resolve) => {
        port.onMessage.addListener(resolve);
        port.onDisconnect.addListener(() => resolve({ type: 'list-refused', message: 'The background closed the connection.' }));
      });
      for (let i = 0; i < text.length; i += chunk) port.postMessage({ type: 'list-chunk', text: text.slice(i, i + chunk) });
      port.postMessage({ type: 'list-end', name });
      const answer = await reply;
      port.disconnect();
      return answer;
    },
    { text, name: basename(file).slice(0, 255), port: FILTER_LIST_PORT, chunk: MAX_LIST_CHUNK_CHARS },
  );
  const parsed = filterListReply.safeParse(raw);
  return parsed.success ? parsed.data : { type: 'list-refused', message: 'the extension sent a malformed answer' };
}
