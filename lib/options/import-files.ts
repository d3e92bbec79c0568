import { browser } from 'wxt/browser';
import { ExportFileError, exportFileText } from '../import/export-file-text';
import { IMPORT_PORT, MAX_IMPORT_CHUNK_CHARS, importReply, type ImportReply, type ImportRequest } from '../messages';
import { t } from '../i18n/i18n';

/**
 * The settings page's import (ARCHITECTURE.md, "Export and import"): each file on its own port,
 * its JSON Lines text (from a .jsonl, or the one inside an export zip) sent in chunks, each
 * acknowledged before the next. The background validates and writes the file in one transaction;
 * the answer is what was imported, or why the file was refused (nothing changed then).
 */
export type FileOutcome = { name: string } & (
  | { ok: true; imported: Record<string, number>; duplicates: Record<string, number>; expiring: { records: number; retentionDays: number } }
  | { ok: false; line: number | null; message: string }
);

const isZipName = (name: string) => name.toLowerCase().endsWith('.zip');

async function* chunksOf(file: Blob): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

export async function importFile(file: File): Promise<FileOutcome> {
  const port = browser.runtime.connect({ name: IMPORT_PORT });
  const replies: ImportReply[] = [];
  const waiting: ((reply: ImportReply) => void)[] = [];
  port.onMessage.addListener((raw: unknown) => {
    const parsed = importReply.safeParse(raw);
    const reply: ImportReply = parsed.success ? parsed.data : { type: 'import-refused', line: null, message: t('options_malformed_answer') };
    const next = waiting.shift();
    if (next) next(reply);
    else replies.push(reply);
  });
  port.onDisconnect.addListener(() => {
    for (const next of waiting.splice(0)) next({ type: 'import-refused', line: null, message: t('import_closed') });
  });
  const ask = (request: ImportRequest) => {
    const reply = replies.length > 0 ? Promise.resolve(replies.shift()!) : new Promise<ImportReply>((resolve) => waiting.push(resolve));
    port.postMessage(request);
    return reply;
  };
  const outcome = (reply: ImportReply): FileOutcome =>
    reply.type === 'import-done'
      ? { name: file.name, ok: true, imported: reply.summary.imported, duplicates: reply.summary.duplicates, expiring: reply.expiring }
      : reply.type === 'import-refused'
        ? { name: file.name, ok: false, line: reply.line, message: reply.message }
        : { name: file.name, ok: false, line: null, message: t('import_no_answer') };
  try {
    // A zip's records size is known only as it is read: the background counts it then.
    let reply = await ask({ type: 'import-start', name: file.name.slice(0, 255), size: isZipName(file.name) ? null : file.size });
    if (reply.type !== 'import-ack') return outcome(reply);
    for await (const text of exportFileText(chunksOf(file), MAX_IMPORT_CHUNK_CHARS)) {
      reply = await ask({ type: 'import-chunk', text });
      if (reply.type !== 'import-ack') return outcome(reply);
    }
    // The write can take a while (a 58 MB file: ~26 s in all): keep the worker awake meanwhile.
    const ping = setInterval(() => port.postMessage({ type: 'import-ping' } satisfies ImportRequest), 5000);
    try {
      return outcome(await ask({ type: 'import-end' }));
    } finally {
      clearInterval(ping);
    }
  } catch (error) {
    if (error instanceof ExportFileError) return { name: file.name, ok: false, line: null, message: error.message };
    throw error;
  } finally {
    port.disconnect();
  }
}
