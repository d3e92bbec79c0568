import { browser } from 'wxt/browser';
import { FILTER_LIST_PORT, MAX_LIST_CHUNK_CHARS, filterListReply, type FilterListReply, type FilterListRequest } from '../filter-list-messages';
import { filterListInfo, type FilterListInfo } from '../schema/filter-list';
import { t } from '../i18n/i18n';

/**
 * The settings page's filter lists (ARCHITECTURE.md, "Filter lists"): a file's text goes to the
 * background over its own port, in chunks; the background checks, parses and keeps it, and answers
 * with what the list is, or why it was refused. The page stores nothing itself.
 */
export async function addFilterListFile(file: File): Promise<FilterListReply> {
  const text = await file.text();
  const port = browser.runtime.connect({ name: FILTER_LIST_PORT });
  try {
    const reply = new Promise<FilterListReply>((resolve) => {
      port.onMessage.addListener((raw: unknown) => {
        const parsed = filterListReply.safeParse(raw);
        resolve(parsed.success ? parsed.data : { type: 'list-refused', message: t('options_malformed_answer') });
      });
      port.onDisconnect.addListener(() => resolve({ type: 'list-refused', message: t('filters_closed') }));
    });
    for (let i = 0; i < text.length; i += MAX_LIST_CHUNK_CHARS) {
      port.postMessage({ type: 'list-chunk', text: text.slice(i, i + MAX_LIST_CHUNK_CHARS) } satisfies FilterListRequest);
    }
    port.postMessage({ type: 'list-end', name: file.name.slice(0, 255) } satisfies FilterListRequest);
    return await reply;
  } finally {
    port.disconnect();
  }
}

const infos = (answer: unknown): FilterListInfo[] => {
  if (!Array.isArray(answer)) throw new Error(t('filters_not_listed'));
  return answer.flatMap((a) => {
    const parsed = filterListInfo.safeParse(a);
    return parsed.success ? [parsed.data] : [];
  });
};

export async function getFilterLists(): Promise<FilterListInfo[]> {
  return infos(await browser.runtime.sendMessage({ type: 'get-filter-lists' }));
}

export async function removeFilterList(id: string): Promise<FilterListInfo[]> {
  return infos(await browser.runtime.sendMessage({ type: 'remove-filter-list', id }));
}
