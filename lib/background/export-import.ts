import { browser, type Browser } from 'wxt/browser';
import { exportCursor, type CursorRecord } from '../log/export-cursor';
import type { BeakerDatabase } from '../log/database';
import { upgradeRecord } from '../schema/upgrade';
import type { WriteQueue } from '../log/write-queue';
import { FileImport } from '../import/import-file';
import {
  EXPORT_PORT,
  IMPORT_PORT,
  MAX_EXPORT_PAGE_RECORDS,
  exportRequest,
  importRequest,
  type ExportReply,
  type ImportReply,
} from '../messages';

/** What the port handlers need once the worker has loaded (ARCHITECTURE.md, "Export and import"). */
export interface ExportImportDeps {
  database: BeakerDatabase;
  queue: WriteQueue;
  extensionVersion: string;
  trackerDbVersion: string;
  /** The settings' retention period now: imported records older than it are deleted at its next run. */
  retentionDays: () => number;
}

type Port = Browser.runtime.Port;

/**
 * Export and import ports, registered in the worker's first turn (an MV3 worker woken by a
 * `connect` only hears listeners registered then); they wait for the log to be loaded. Only the
 * extension's own pages may connect: a port from a content script (or anything else) is closed.
 */
export function listenForExportImport(loaded: Promise<ExportImportDeps | null>): void {
  const origin = browser.runtime.getURL('/');
  browser.runtime.onConnect.addListener((port: Port) => {
    if (port.name !== EXPORT_PORT && port.name !== IMPORT_PORT) return;
    if (!isExtensionPage(port.sender, browser.runtime.id, origin)) {
      port.disconnect();
      return;
    }
    void loaded.then((deps) => {
      if (!deps) {
        port.disconnect();
        return;
      }
      if (port.name === EXPORT_PORT) serveExport(port, deps);
      else serveImport(port, deps);
    });
  });
}

/** Only the extension's own pages (the settings page): not a content script, not another extension. */
export function isExtensionPage(sender: { id?: string; url?: string } | undefined, extensionId: string, extensionOrigin: string): boolean {
  return sender?.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

function post(port: Port, message: ExportReply | ImportReply): void {
  try {
    port.postMessage(message);
  } catch {
    // The page went away: nothing to tell.
  }
}

/** Streams the log one cursor page per `export-next`, so the page sets the pace. */
export function serveExport(port: Port, deps: ExportImportDeps): void {
  let pages: AsyncIterator<CursorRecord[]> | null = null;
  let busy = false;
  port.onMessage.addListener(async (raw: unknown) => {
    const parsed = exportRequest.safeParse(raw);
    if (!parsed.success || busy) {
      post(port, { type: 'export-error', message: busy ? 'One page at a time.' : 'Malformed export request.' });
      port.disconnect();
      return;
    }
    busy = true;
    try {
      if (parsed.data.type === 'export-start') {
        if (pages) throw new Error('The export has already started.');
        // Everything recorded so far is in the export.
        await deps.queue.flush();
        pages = exportCursor(deps.database, parsed.data.filters, MAX_EXPORT_PAGE_RECORDS / 2)[Symbol.asyncIterator]();
        post(port, { type: 'export-begin', extensionVersion: deps.extensionVersion, trackerDbVersion: deps.trackerDbVersion });
      } else {
        if (!pages) throw new Error('The export has not started.');
        const next = await pages.next();
        // Records stored under schema 2 leave as schema 3 (lib/schema/upgrade.ts): the log is not rewritten.
        post(port, next.done ? { type: 'export-end' } : { type: 'export-page', records: next.value.map(upgradeRecord) });
      }
    } catch (error) {
      post(port, { type: 'export-error', message: error instanceof Error ? error.message : String(error) });
      port.disconnect();
    } finally {
      busy = false;
    }
  });
  port.onDisconnect.addListener(() => void pages?.return?.(undefined));
}

/** One file per port: validated chunk by chunk, written in one transaction at `import-end`. */
export function serveImport(port: Port, deps: ExportImportDeps): void {
  let file: FileImport | null = null;
  let done = false;
  // Messages are handled one after another (a chunk's ack is awaited by the page anyway).
  let chain = Promise.resolve();
  port.onMessage.addListener((raw: unknown) => {
    // A keep-alive: receiving it is all it is for.
    if ((raw as { type?: unknown } | null)?.type === 'import-ping') return;
    chain = chain.then(async () => {
      if (done) return;
      const parsed = importRequest.safeParse(raw);
      const finish = (reply: ImportReply) => {
        done = true;
        post(port, reply);
      };
      if (!parsed.success) return finish({ type: 'import-refused', line: null, message: 'Malformed import message.' });
      const message = parsed.data;
      if (message.type === 'import-start') {
        if (file) return finish({ type: 'import-refused', line: null, message: 'One file per import.' });
        // The page names the file in what it shows: messages here say only the line.
        file = new FileImport(async () => deps.database, { declaredBytes: message.size ?? undefined });
        const refusal = file.push('');
        return refusal ? finish({ type: 'import-refused', ...refusal }) : post(port, { type: 'import-ack' });
      }
      if (!file) return finish({ type: 'import-refused', line: null, message: 'The import has not started.' });
      if (message.type === 'import-ping') return;
      if (message.type === 'import-chunk') {
        const refusal = file.push(message.text);
        return refusal ? finish({ type: 'import-refused', ...refusal }) : post(port, { type: 'import-ack' });
      }
      try {
        await deps.queue.flush();
        const outcome = await file.finish();
        const retentionDays = deps.retentionDays();
        const records = file.countOlderThan(new Date(Date.now() - retentionDays * 86_400_000).toISOString());
        finish(outcome.ok ? { type: 'import-done', summary: outcome.summary, expiring: { records, retentionDays } } : { type: 'import-refused', ...outcome.refusal });
      } catch (error) {
        // The transaction failed and was rolled back: nothing was written.
        finish({ type: 'import-refused', line: null, message: `The log could not be written, nothing was imported: ${String(error)}` });
      }
    });
  });
}
