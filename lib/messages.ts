import { z } from 'zod/mini';
import { engagementAction } from './schema/events';

/**
 * The message catalogue (STYLE.md, after Privacy Badger): one zod union per direction, keyed on
 * `type`. Receivers check the sender, cap the size, then `safeParse`; what fails is dropped and
 * counted, never trusted.
 */

import { MAX_ACTS_PER_MESSAGE, MAX_MESSAGE_BYTES } from './message-limits';

export { MAX_ACTS_PER_MESSAGE, MAX_MESSAGE_BYTES };

export const engagementAct = z.object({
  action: engagementAction,
  /** Epoch milliseconds when the act happened in the page. */
  at: z.number().check(z.gte(0)),
  target: z.object({
    tag: z.string().check(z.maxLength(32)),
    role: z.nullable(z.string().check(z.maxLength(32))),
  }),
});
export type EngagementAct = z.infer<typeof engagementAct>;

/** Content script → background. */
export const contentMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('engagement'),
    acts: z.array(engagementAct).check(z.minLength(1), z.maxLength(MAX_ACTS_PER_MESSAGE)),
  }),
]);
export type ContentMessage = z.infer<typeof contentMessage>;

/** Extension page (popup, dashboard) → background. */
export const pageMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('get-tab-state'), tabId: z.int() }),
  z.object({ type: z.literal('set-site-paused'), site: z.string().check(z.maxLength(253)), paused: z.boolean() }),
  z.object({ type: z.literal('get-diagnostics') }),
]);
export type PageMessage = z.infer<typeof pageMessage>;

/** What `get-tab-state` answers. */
export const tabState = z.object({
  tabId: z.int(),
  visitId: z.nullable(z.string()),
  url: z.nullable(z.string()),
  site: z.nullable(z.string()),
  /** Browser pages, stores and other URLs an extension cannot see. */
  restricted: z.boolean(),
  paused: z.boolean(),
});
export type TabState = z.infer<typeof tabState>;

/** Background → extension pages: a visit's counts changed; views re-read the log. */
export const broadcastMessage = z.object({ type: z.literal('visit-updated'), visitId: z.string(), tabId: z.int() });
export type BroadcastMessage = z.infer<typeof broadcastMessage>;

export type ParseOutcome<T> = { ok: true; message: T } | { ok: false; error: 'oversized' | 'malformed' | 'unserialisable' };

/** Size-cap then validate one incoming message. Never throws. */
export function parseMessage<T>(schema: z.ZodMiniType<T>, raw: unknown): ParseOutcome<T> {
  let size: number;
  try {
    size = JSON.stringify(raw)?.length ?? 0;
  } catch {
    return { ok: false, error: 'unserialisable' };
  }
  if (size > MAX_MESSAGE_BYTES) return { ok: false, error: 'oversized' };
  const result = schema.safeParse(raw);
  return result.success ? { ok: true, message: result.data } : { ok: false, error: 'malformed' };
}
