/**
 * Modules the content script imports only when the person asks for what they do, so that what every
 * frame runs does not carry them (ARCHITECTURE.md, "The content script's loader"). In Chrome each is
 * an unlisted script of its own (entrypoints/content-*.ts), web-accessible to the content script,
 * that sets one property on the content script's own global (the isolated world's, never the page's)
 * when imported; Firefox's content script is one bundle and passes the functions in directly.
 */
export const ON_DEMAND = {
  /** "Show on page" (lib/content/highlight.ts): the first request to show one of a frame's units. */
  highlight: { path: '/content-highlight.js', global: '__beakerCreateHighlighter' },
  /** EasyList's element rules (lib/content/list-selectors.ts): turned on in the settings (off by default). */
  lists: { path: '/content-lists.js', global: '__beakerCreateListSelectorCache' },
} as const;

export type OnDemandModule = keyof typeof ON_DEMAND;
export type OnDemandPath = (typeof ON_DEMAND)[OnDemandModule]['path'];

/** Import `which` from the extension once and hand back what it defined; `getURL` and `load` are passed in for tests. */
export async function importOnDemand<T>(
  which: OnDemandModule,
  getURL: (path: OnDemandPath) => string,
  load: (url: string) => Promise<unknown> = (url) => import(/* @vite-ignore */ url),
): Promise<T> {
  const { path, global: name } = ON_DEMAND[which];
  const global = globalThis as Record<string, unknown>;
  if (typeof global[name] !== 'function') await load(getURL(path));
  const defined = global[name];
  if (typeof defined !== 'function') throw new Error(`${path} did not define ${name}`);
  return defined as T;
}

/** What an on-demand entrypoint runs: `value` on the content script's global, as `importOnDemand` reads it. */
export function defineOnDemand(which: OnDemandModule, value: unknown): void {
  (globalThis as Record<string, unknown>)[ON_DEMAND[which].global] = value;
}
