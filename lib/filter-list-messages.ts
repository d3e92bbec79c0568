import { z } from 'zod/mini';
import { filterListInfo } from './schema/filter-list';

/**
 * Filter lists added from a file (issue #10, item 1; ARCHITECTURE.md, "Filter lists"): the settings
 * page sends the file's text over its own port, in chunks, then `list-end`; the background checks,
 * parses and stores it, and answers once. Removing and listing are plain page messages.
 */
export const FILTER_LIST_PORT = 'beaker-filter-list';
export const MAX_LIST_CHUNK_CHARS = 1 << 20;

export const filterListRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('list-chunk'), text: z.string().check(z.maxLength(MAX_LIST_CHUNK_CHARS)) }),
  /** `name`: the file's name, used when the list has no `! Title:`. */
  z.object({ type: z.literal('list-end'), name: z.string().check(z.maxLength(255)) }),
]);
export type FilterListRequest = z.infer<typeof filterListRequest>;

export const filterListReply = z.discriminatedUnion('type', [
  z.object({ type: z.literal('list-added'), list: filterListInfo }),
  z.object({ type: z.literal('list-refused'), message: z.string().check(z.maxLength(500)) }),
]);
export type FilterListReply = z.infer<typeof filterListReply>;

/** Page → background (part of `pageMessage`, lib/messages.ts). */
export const filterListPageRequests = [
  /** Answered with `FilterListInfo[]`, in match order. */
  z.object({ type: z.literal('get-filter-lists') }),
  /** Answered with the lists left. */
  z.object({ type: z.literal('remove-filter-list'), id: z.string().check(z.maxLength(40)) }),
] as const;
