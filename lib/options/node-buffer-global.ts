import { Buffer } from 'buffer';

/**
 * csv-stringify's Node build (lib/export/writers.ts, the CSV writer) reads the global `Buffer`
 * when it loads; the settings page has none. Imported first by the page's entry
 * (ARCHITECTURE.md, "Export and import"). Its browser build bundles this same package.
 */
const scope = globalThis as { Buffer?: unknown };
scope.Buffer ??= Buffer;
