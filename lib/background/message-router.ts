import { contentMessage, pageMessage, parseMessage, type ContentMessage, type PageMessage, type TabState } from '../messages';

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
  /** Chrome: the sending document (a content script's); Firefox gives none. */
  documentId?: string;
}

type ContentHandlers = {
  [T in ContentMessage['type']]: (message: Extract<ContentMessage, { type: T }>, tabId: number, frameId: number, documentId?: string) => unknown;
};
export type PageHandlers = {
  [T in PageMessage['type']]: (message: Extract<PageMessage, { type: T }>) => Promise<unknown> | unknown;
};

export type DropReason = 'oversized' | 'malformed' | 'unserialisable' | 'unknown-sender';

export interface RouterDeps {
  extensionId: string;
  extensionOrigin: string;
  content: ContentHandlers;
  page: PageHandlers;
  /** `tabId`: a content script's message that failed its schema (its events count as dropped on the tab's visit). */
  onDropped: (reason: DropReason, from: 'content' | 'page' | 'unknown', tabId?: number) => void;
}

/**
 * Two handler tables, one per sender kind (after Privacy Badger): content scripts may only report
 * what they observed; only extension pages may ask questions or change settings. A message is
 * size-capped and parsed with its schema before any handler sees it. Returns the handler's answer,
 * or `undefined` for dropped messages.
 */
export function createMessageRouter(deps: RouterDeps) {
  return (raw: unknown, sender: MessageSender): Promise<unknown> | undefined => {
    if (sender.id !== deps.extensionId) {
      deps.onDropped('unknown-sender', 'unknown');
      return undefined;
    }
    const fromPage = typeof sender.url === 'string' && sender.url.startsWith(deps.extensionOrigin);
    if (fromPage) {
      const parsed = parseMessage(pageMessage, raw);
      if (!parsed.ok) {
        deps.onDropped(parsed.error, 'page');
        return undefined;
      }
      const handler = deps.page[parsed.message.type] as (m: PageMessage) => unknown;
      return Promise.resolve(handler(parsed.message));
    }
    const tabId = sender.tab?.id;
    if (typeof tabId !== 'number' || tabId < 0) {
      deps.onDropped('unknown-sender', 'unknown');
      return undefined;
    }
    const parsed = parseMessage(contentMessage, raw);
    if (!parsed.ok) {
      deps.onDropped(parsed.error, 'content', tabId);
      return undefined;
    }
    const handler = deps.content[parsed.message.type] as (m: ContentMessage, tabId: number, frameId: number, documentId?: string) => unknown;
    const documentId = typeof sender.documentId === 'string' ? sender.documentId.slice(0, 64) : undefined;
    const frameId = sender.frameId ?? 0;
    return Promise.resolve(documentId === undefined ? handler(parsed.message, tabId, frameId) : handler(parsed.message, tabId, frameId, documentId));
  };
}

export type { TabState };
