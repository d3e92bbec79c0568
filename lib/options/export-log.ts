import { browser } from 'wxt/browser';
import { runExport } from '../export/run-export';
import type { ExportFilters, ExportFormat, Manifest } from '../export/manifest';
import { exportRecord, type ExportRecord } from '../export/records';
import type { PrivacyMode } from '../export/privacy';
import { EXPORT_PORT, exportReply, type ExportReply, type ExportRequest } from '../messages';
import { ZipDirectory } from './zip-directory';
import { t } from '../i18n/i18n';

/**
 * The settings page's export (ARCHITECTURE.md, "Export and import"): the background streams the
 * log over a Port one cursor page at a time, the page parses every record (the receiver parses),
 * and lib/export's writers turn them into the chosen format inside one zip, beside the manifest and
 * the JSON Schemas. The page asks for the next page only when it has written the last one.
 */
export interface ExportChoice {
  format: ExportFormat;
  privacy: PrivacyMode;
  filters: ExportFilters;
}

export interface ExportResult {
  blob: Blob;
  fileName: string;
  manifest: Manifest;
}

/** One reply at a time from the port; a disconnect ends the wait with an error. */
function portReader(port: ReturnType<typeof browser.runtime.connect>) {
  const waiting: ((reply: ExportReply) => void)[] = [];
  const early: ExportReply[] = [];
  let closed = false;
  port.onMessage.addListener((raw: unknown) => {
    const parsed = exportReply.safeParse(raw);
    const reply: ExportReply = parsed.success ? parsed.data : { type: 'export-error', message: t('options_malformed_answer') };
    const next = waiting.shift();
    if (next) next(reply);
    else early.push(reply);
  });
  port.onDisconnect.addListener(() => {
    closed = true;
    for (const next of waiting.splice(0)) next({ type: 'export-error', message: t('export_closed') });
  });
  return {
    ask(request: ExportRequest): Promise<ExportReply> {
      if (closed) return Promise.resolve({ type: 'export-error', message: t('export_closed') });
      const reply = early.length > 0 ? Promise.resolve(early.shift()!) : new Promise<ExportReply>((resolve) => waiting.push(resolve));
      port.postMessage(request);
      return reply;
    },
  };
}

export function browserInfo(userAgent = navigator.userAgent): { name: string; version: string } {
  const match = /(Firefox|Edg|Chrome|Chromium)\/([\d.]+)/.exec(userAgent);
  return match ? { name: match[1] === 'Edg' ? 'Edge' : match[1]!, version: match[2]! } : { name: 'unknown', version: '' };
}

export function exportFileName(now = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `beaker-export-${stamp}.zip`;
}

export async function exportLog(choice: ExportChoice, onProgress?: (records: number) => void): Promise<ExportResult> {
  const port = browser.runtime.connect({ name: EXPORT_PORT });
  try {
    const reader = portReader(port);
    const begin = await reader.ask({ type: 'export-start', filters: choice.filters });
    if (begin.type !== 'export-begin') throw new Error(begin.type === 'export-error' ? begin.message : t('export_not_started'));
    let seen = 0;
    async function* records(): AsyncGenerator<ExportRecord> {
      for (;;) {
        const reply = await reader.ask({ type: 'export-next' });
        if (reply.type === 'export-end') return;
        if (reply.type !== 'export-page') throw new Error(reply.type === 'export-error' ? reply.message : t('options_unexpected_answer'));
        for (const raw of reply.records) {
          const parsed = exportRecord.safeParse(raw);
          if (!parsed.success) throw new Error(t('export_bad_record', JSON.stringify(raw).slice(0, 120)));
          yield parsed.data;
        }
        seen += reply.records.length;
        onProgress?.(seen);
      }
    }
    const directory = new ZipDirectory();
    const manifest = await runExport({
      records: records(),
      format: choice.format,
      directory,
      filters: choice.filters,
      privacy: choice.privacy,
      manifest: {
        producer: { name: 'extension', version: begin.extensionVersion },
        browsers: [browserInfo()],
        extensionVersions: [begin.extensionVersion],
        trackerDbVersions: [begin.trackerDbVersion],
      },
    });
    return { blob: directory.blob(), fileName: exportFileName(), manifest };
  } finally {
    port.disconnect();
  }
}

/** Save without the `downloads` permission: an object URL and `<a download>`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
