import type { BrowserContext, Page } from 'playwright-core';

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

/**
 * Watch the extension's service worker through CDP (ARCHITECTURE.md, "Browser recipes"): its running status is the truth
 * while `worker.evaluate` would hang on a stopped worker.
 */
export async function watchServiceWorker(context: BrowserContext, page: Page, extensionId: string) {
  const cdp = await context.newCDPSession(page);
  const versions = new Map<string, WorkerVersion>();
  let stopsSeen = 0;
  cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: WorkerVersion[] }) => {
    for (const v of event.versions) {
      if (!v.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) continue;
      versions.set(v.versionId, v);
      if (v.runningStatus === 'stopped') stopsSeen += 1;
    }
  });
  await cdp.send('ServiceWorker.enable');
  const status = () => [...versions.values()].map((v) => v.runningStatus);
  const waitFor = async (want: WorkerVersion['runningStatus'], timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (status().length > 0 && status().every((s) => s === want)) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`service worker did not reach ${want}: ${status().join(', ')}`);
  };
  return {
    status,
    /** Stop the worker as Chrome does when it idles out or is killed, and wait until it is stopped. */
    async stop(timeoutMs = 15_000) {
      // Any open page's request can wake the worker again at once, so wait for the `stopped`
      // event itself rather than for a state that may already have moved on.
      const seen = stopsSeen;
      await cdp.send('ServiceWorker.stopAllWorkers');
      const deadline = Date.now() + timeoutMs;
      while (stopsSeen === seen) {
        if (Date.now() > deadline) throw new Error(`service worker did not stop: ${status().join(', ')}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    waitFor,
    detach: () => cdp.detach(),
  };
}
