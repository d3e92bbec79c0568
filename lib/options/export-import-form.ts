import { normaliseSiteInput } from './settings-actions';
import type { ExportFilters, ExportFormat } from '../export/manifest';
import { RECORD_KINDS, type RecordKind } from '../export/records';
import type { ExportChoice } from './export-log';
import type { FileOutcome } from './import-files';

/** What the settings page's export form holds (ARCHITECTURE.md, "Export and import"). */
export interface ExportForm {
  format: ExportFormat;
  /** On by default: sites and paths kept, query strings and page text dropped (lib/export/privacy.ts). */
  privacy: boolean;
  /** `YYYY-MM-DD` in local time, inclusive; empty: no bound. */
  fromDay: string;
  toDay: string;
  /** Sites as typed, separated by commas or spaces; empty: every site. */
  sites: string;
  kinds: Record<RecordKind, boolean>;
}

export function defaultExportForm(): ExportForm {
  return { format: 'jsonl', privacy: true, fromDay: '', toDay: '', sites: '', kinds: Object.fromEntries(RECORD_KINDS.map((k) => [k, true])) as Record<RecordKind, boolean> };
}

export const KIND_LABELS: Record<RecordKind, string> = {
  visit: 'Visits',
  tracker: 'Tracker records',
  ad: 'Ad records',
  'dark-pattern': 'Dark-pattern records',
  engagement: 'Engagement records',
};

/** Local midnight of a `YYYY-MM-DD` day, `plusDays` later, as an ISO instant. */
function dayStart(day: string, plusDays = 0): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays).toISOString();
}

export function exportChoiceOf(form: ExportForm): { ok: true; choice: ExportChoice } | { ok: false; message: string } {
  const sites: string[] = [];
  for (const typed of form.sites.split(/[\s,]+/).filter(Boolean)) {
    const site = normaliseSiteInput(typed);
    if (!site) return { ok: false, message: `“${typed}” does not look like a site, e.g. example.org.` };
    sites.push(site);
  }
  const kinds = RECORD_KINDS.filter((k) => form.kinds[k]);
  if (kinds.length === 0) return { ok: false, message: 'Choose at least one kind of record to export.' };
  const filters: ExportFilters = {
    from: form.fromDay ? dayStart(form.fromDay) : null,
    to: form.toDay ? dayStart(form.toDay, 1) : null,
    sites,
    kinds: kinds.length === RECORD_KINDS.length ? [] : kinds,
  };
  if (filters.from && filters.to && filters.from >= filters.to) return { ok: false, message: 'The first day is after the last.' };
  return { ok: true, choice: { format: form.format, privacy: form.privacy ? 'on' : 'off', filters } };
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function countsText(counts: Record<string, number>): string {
  const parts = RECORD_KINDS.filter((k) => counts[k]).map((k) => `${counts[k]} ${KIND_LABELS[k].toLowerCase()}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing new';
}

/** One line per file for the page: what came in, or why the file was refused. */
export function describeOutcome(outcome: FileOutcome): string {
  if (!outcome.ok) return `${outcome.name}: refused, nothing was imported. ${outcome.message}`;
  const duplicates = Object.values(outcome.duplicates).reduce((a, b) => a + b, 0);
  const done = `${outcome.name}: imported ${countsText(outcome.imported)}; ${plural(duplicates, 'duplicate')} skipped.`;
  const { records, retentionDays } = outcome.expiring;
  if (records === 0) return done;
  return `${done} ${plural(records, 'record')} are older than the ${retentionDays} days Beaker keeps records: the next clean-up (within 6 hours) deletes them unless you raise “Keep records for” above first.`;
}
