import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { stripRuleExamples } from './scripts/lib/strip-rule-examples';

// The TrackerDB engine ships as a plain file next to the bundle and is fetched at run time:
// importing it with `?url` would inline 1.7 MB of base64 into the background bundle (RECIPES.md).
const TRACKERDB_DIR = resolve('node_modules/@ghostery/trackerdb');
const ENGINE_SOURCE = resolve(TRACKERDB_DIR, 'dist/trackerdb.engine');
const trackerDbVersion = (): string =>
  (JSON.parse(readFileSync(resolve(TRACKERDB_DIR, 'package.json'), 'utf8')) as { version: string }).version;

export default defineConfig({
  modules: ['@wxt-dev/module-svelte', '@wxt-dev/webextension-polyfill'],
  // Firefox stays on MV2: an event page with the full webRequest API, host permissions granted at
  // install on every supported Firefox (MV3 makes them opt-in there), and the target AMO lints.
  manifestVersion: undefined,
  manifest: ({ browser }) => ({
    name: 'Beaker',
    description: 'Counts how often the web targets you (trackers, beacons, ads, dark patterns) against how often you engage.',
    permissions: ['webRequest', 'webNavigation', 'storage'],
    host_permissions: ['<all_urls>'],
    action: { default_title: 'Beaker' },
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
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const native = { find: /^wxt\/browser$/, replacement: resolve('node_modules/wxt/dist/browser.mjs') };
      config.resolve ??= {};
      const alias = config.resolve.alias;
      config.resolve.alias = Array.isArray(alias)
        ? [native, ...alias]
        : [native, ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }))];
    },
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: ENGINE_SOURCE, relativeDest: 'trackerdb.engine' });
      files.push({ contents: trackerDbVersion(), relativeDest: 'trackerdb-version.txt' });
    },
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push('trackerdb.engine', 'trackerdb-version.txt');
    },
  },
});
