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
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: ENGINE_SOURCE, relativeDest: 'trackerdb.engine' });
      files.push({ contents: trackerDbVersion(), relativeDest: 'trackerdb-version.txt' });
    },
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push('trackerdb.engine', 'trackerdb-version.txt');
    },
  },
});
