// Kept zod-free and import-free: the content script reads these without bundling zod.

/**
 * Resource Timing reports (ARCHITECTURE.md, "Requests Beaker did not see"): entries per message
 * (each at most a 2048-character URL, so a full message can pass the 64 KB cap: the sender also cuts
 * by size with `splitBatches`), and distinct request URLs one document reports at most; the rest are
 * counted (`capped`), never sent.
 */
export const MAX_RESOURCE_ENTRIES_PER_MESSAGE = 100;
export const MAX_RESOURCE_URLS_PER_DOCUMENT = 1000;
export const MAX_RESOURCE_URL_CHARS = 2048;
export const MAX_INITIATOR_TYPE_CHARS = 32;
