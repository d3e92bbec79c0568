import type { ExportFilters } from './manifest';
import type { ExportRecord } from './records';

/**
 * The export filters (ARCHITECTURE.md, "Exports"): each record is judged on its own fields, so a
 * filter never needs another record. Time is an event's `time` or a visit's `startedAt`, compared
 * as instants (`from` inclusive, `to` exclusive); sites are registrable domains (`site`), exact.
 */
export function recordTime(record: ExportRecord): string {
  return record.kind === 'visit' ? record.startedAt : record.time;
}

export function makeFilter(filters: ExportFilters): (record: ExportRecord) => boolean {
  const from = filters.from === null ? -Infinity : Date.parse(filters.from);
  const to = filters.to === null ? Infinity : Date.parse(filters.to);
  const sites = filters.sites.length > 0 ? new Set(filters.sites.map((s) => s.toLowerCase())) : null;
  const kinds = filters.kinds.length > 0 ? new Set<string>(filters.kinds) : null;
  const timed = filters.from !== null || filters.to !== null;
  return (record) => {
    if (kinds !== null && !kinds.has(record.kind)) return false;
    if (sites !== null && !sites.has(record.site.toLowerCase())) return false;
    if (timed) {
      const t = Date.parse(recordTime(record));
      if (!(t >= from && t < to)) return false;
    }
    return true;
  };
}
