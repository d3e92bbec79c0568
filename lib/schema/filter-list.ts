import { z } from 'zod/mini';
import { isoTime, nonNegativeInt } from './common';
import { trackerCategory } from './events';

/** A filter list Beaker holds (lib/trackers/filter-lists.ts), as stored and as the settings page shows it. */
export const filterListInfo = z.object({
  /** `file-<first 12 hex of sha256>` for a list added from a file. */
  id: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/)),
  /** The list's `! Title:`, else the file name. */
  name: z.string().check(z.maxLength(120)),
  /** `! Version:` or `! Last modified:`; null when the list says neither. */
  version: z.nullable(z.string().check(z.maxLength(120))),
  /** Hex SHA-256 of the list text: with the version, which copy this was (provenance). */
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  /** Network rules in use (block and exception rules). */
  rules: nonNegativeInt,
  /** Lines no rule parser understood: counted, never fatal. */
  invalid: nonNegativeInt,
  /** What a match counts as, unless TrackerDB knows the host better. */
  category: trackerCategory,
  source: z.enum(['file', 'download']),
  addedAt: isoTime,
});
export type FilterListInfo = z.infer<typeof filterListInfo>;
