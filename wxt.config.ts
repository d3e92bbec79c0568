import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { stripRuleExamples } from './scripts/lib/strip-rule-examples';

// The TrackerDB engine ships as a plain file next to the bundle and is fetched at run time:
// importing it with `?url` would inline 1.7 MB of base64 into the background bundle (RECIPES.md).
const TRACKERDB_DIR = resolve('node_modules/@ghostery/trackerdb');
const ENGINE_SOURCE = resolve(TRACKERDB_DIR, 'dist/trackerdb.engine');
/** The unlisted script with the content script's body in Chrome (entrypoints/content-main.ts). */
const CONTENT_MODULE_ENTRY = 'content-main';
/** Modules the content script imports on first use (lib/content/on-demand.ts, entrypoints/content-{highlight,lists}.ts). */
const CONTENT_ON_DEMAND_ENTRIES = ['content-highlight', 'content-lists'];
const CONTENT_MATCHES = ['http://*/*', 'https://*/*'];
/**
 * Chrome's content script: one line, not wrapped by WXT (its wrapper is 3.7 KB). It imports the
 * content script's body (entrypoints/content-main.ts) as a module: Chrome compiles a module off the
 * main thread and keeps its code cache, where an injected classic script is parsed and compiled on
 * the page's main thread on every page (ARCHITECTURE.md, "The content script's loader").
 */
const CONTENT_LOADER = 'content-scripts/loader.js';
const CONTENT_LOADER_SOURCE = `import(chrome.runtime.getURL(${JSON.stringify(`/${CONTENT_MODULE_ENTRY}.js`)})).catch((error) => console.warn('[beaker] the content script did not load', error));\n`;
/** WXT's content-script context (`wxt/utils/content-script-context`) replaced by a class that does nothing. */
const INERT_CONTEXT = '\0beaker-inert-content-script-context';
const NO_HANDSHAKE_CONTEXT = {
  name: 'beaker-no-wxt-handshake',
  enforce: 'pre' as const,
  resolveId: (id: string) => (id === 'wxt/utils/content-script-context' ? INERT_CONTEXT : null),
  load: (id: string) => (id === INERT_CONTEXT ? 'export class ContentScriptContext {}' : null),
};
/**
 * The words of every locale (ARCHITECTURE.md, "Languages"): one flat file per locale in locales/
 * (`{ key: message }`), written to `_locales/<locale>/messages.json` in the format both browsers read.
 */
const LOCALES_DIR = resolve('locales');
const localeFiles = (): { relativeDest: string; contents: string }[] =>
  readdirSync(LOCALES_DIR)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const flat = JSON.parse(readFileSync(resolve(LOCALES_DIR, name), 'utf8')) as Record<string, string>;
      const messages = Object.fromEntries(Object.entries(flat).map(([key, message]) => [key, { message }]));
      return { relativeDest: `_locales/${name.replace(/\.json$/, '')}/messages.json`, contents: JSON.stringify(messages, null, 1) };
    });
const trackerDbVersion = (): string =>
  (JSON.parse(readFileSync(resolve(TRACKERDB_DIR, 'package.json'), 'utf8')) as { version: string }).version;

export default defineConfig({
  modules: ['@wxt-dev/module-svelte', '@wxt-dev/webextension-polyfill'],
  // Firefox stays on MV2: an event page with the full webRequest API, host permissions granted at
  // install on every supported Firefox (MV3 makes them opt-in there), and the target AMO lints.
  manifestVersion: undefined,
  manifest: ({ browser }) => ({
    // In the browser's language: locales/<locale>.json, English by default.
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    default_locale: 'en',
    permissions: ['webRequest', 'webNavigation', 'storage'],
    host_permissions: ['<all_urls>'],
    action: { default_title: '__MSG_ext_name__' },
    // Chrome's content-script loader imports the content script's body from here (ARCHITECTURE.md,
    // "The content script's loader"): pages can see that this one file exists.
    ...(browser === 'firefox' ? {} : { web_accessible_resources: [{ resources: [`${CONTENT_MODULE_ENTRY}.js`, ...CONTENT_ON_DEMAND_ENTRIES.map((e) => `${e}.js`)], matches: CONTENT_MATCHES }] }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'beaker@beaker.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [stripRuleExamples()],
    build: {
      rollupOptions: {
        // zod 4 places `@__PURE__` comments where Rollup cannot use them; harmless, and noisy.
        onwarn(warning, warn) {
          if (warning.code === 'INVALID_ANNOTATION') return;
          warn(warning);
        },
      },
    },
  }),
  hooks: {
    // Content scripts use the browser's own promise-based API (`browser` in Firefox, `chrome` in
    // Chrome MV3) rather than webextension-polyfill: they only send messages and add one listener
    // that returns nothing, which both support natively, and the polyfill is ~3 KB gzip of the
    // 30 KB budget for what is injected into every frame (issue #3; `npm run bench -- --only
    // content-size`). Background, popup and options keep the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script' || e.name === CONTENT_MODULE_ENTRY || CONTENT_ON_DEMAND_ENTRIES.includes(e.name))) return;
      const native = { find: /^wxt\/browser$/, replacement: resolve('node_modules/wxt/dist/browser.mjs') };
      config.resolve ??= {};
      const alias = config.resolve.alias;
      config.resolve.alias = Array.isArray(alias)
        ? [native, ...alias]
        : [native, ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }))];
      // What every frame loads is minified by terser (two compress passes), not esbuild: 1.5 KB gzip
      // less of the 30 KB budget (`npm run bench -- --only content-size`). Extension pages and the
      // background keep Vite's default minifier, which builds faster.
      // No WXT start-up handshake (ARCHITECTURE.md, "The content script's loader"): WXT's
      // ContentScriptContext posts `<extension id>:content:wxt:content-script-started` to the page
      // and stops when the page dispatches that event back. Firefox's content script
      // (entrypoints/content.ts) gets an empty class instead; Chrome's body never had one.
      config.plugins = [...(config.plugins ?? []), NO_HANDSHAKE_CONTEXT];
      config.build ??= {};
      config.build.minify = 'terser';
      config.build.terserOptions = { ecma: 2020, compress: { passes: 2 } };
    },
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser === 'firefox') return;
      // Same matches, frames and timing as Firefox's content script (entrypoints/content.ts); about:blank
      // frames too, where consent platforms write their dialog (issue #11).
      manifest.content_scripts = [{ matches: CONTENT_MATCHES, all_frames: true, match_about_blank: true, run_at: 'document_start', js: [CONTENT_LOADER] }, ...(manifest.content_scripts ?? [])];
    },
    'build:publicAssets': (wxt, files) => {
      if (wxt.config.browser !== 'firefox') files.push({ contents: CONTENT_LOADER_SOURCE, relativeDest: CONTENT_LOADER });
      files.push({ absoluteSrc: ENGINE_SOURCE, relativeDest: 'trackerdb.engine' });
      files.push({ contents: trackerDbVersion(), relativeDest: 'trackerdb-version.txt' });
      files.push(...localeFiles());
    },
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push('trackerdb.engine', 'trackerdb-version.txt');
    },
  },
});
