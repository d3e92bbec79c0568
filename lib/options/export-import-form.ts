import { normaliseSiteInput } from './settings-actions';
import type { ExportFilters, ExportFormat } from '../export/manifest';
import { RECORD_KINDS, type RecordKind } from '../export/records';
import type { ExportChoice } from './export-log';
import type { FileOutcome } from './import-files';
import { derivedKey, formatList, isolate, plural, t } from '../i18n/i18n';

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

/** A record kind's name (`kind_<kind>`: Visits, Tracker records…) in the UI's language. */
export const kindLabel = (kind: RecordKind): string => t(derivedKey('kind', kind));

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
    if (!site) return { ok: false, message: t('export_not_a_site', typed) };
    sites.push(site);
  }
  const kinds = RECORD_KINDS.filter((k) => form.kinds[k]);
  if (kinds.length === 0) return { ok: false, message: t('export_no_kind') };
  const filters: ExportFilters = {
    from: form.fromDay ? dayStart(form.fromDay) : null,
    to: form.toDay ? dayStart(form.toDay, 1) : null,
    sites,
    kinds: kinds.length === RECORD_KINDS.length ? [] : kinds,
  };
  if (filters.from && filters.to && filters.from >= filters.to) return { ok: false, message: t('export_days_order') };
  return { ok: true, choice: { format: form.format, privacy: form.privacy ? 'on' : 'off', filters } };
}

/** `2 visits, 5 tracker records` (`import_count_<kind>`, plural by the locale's rules). */
function countsText(counts: Record<string, number>): string {
  const parts = RECORD_KINDS.filter((k) => counts[k]).map((k) => plural(derivedKey('import_count', k), counts[k]!));
  return parts.length > 0 ? formatList(parts) : t('import_nothing_new');
}

/** One line per file for the page: what came in, or why the file was refused. */
export function describeOutcome(outcome: FileOutcome): string {
  if (!outcome.ok) return t('import_refused', isolate(outcome.name), outcome.message);
  const duplicates = Object.values(outcome.duplicates).reduce((a, b) => a + b, 0);
  const done = t('import_done', isolate(outcome.name), countsText(outcome.imported), plural('import_duplicates', duplicates));
  const { records, retentionDays } = outcome.expiring;
  if (records === 0) return done;
  return `${done} ${plural('import_expiring', records, retentionDays)}`;
}
