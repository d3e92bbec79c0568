// Throwaway experiment: lib writeBatch (sequential awaits) vs a pipelined variant, same batches.
import { launchWithExtension } from '../lib/chromium';
import { bundleForBrowser, NAME_SHIM } from './bundle';
const bundle = await bundleForBrowser(`import { createWriteQueue } from './lib/log/write-queue.ts'; import { openDatabase } from './lib/log/database.ts'; globalThis.__beakerLog = { createWriteQueue, openDatabase };`);
const b = await launchWithExtension();
const page = await b.extensionPage();
await page.evaluate(NAME_SHIM); await page.evaluate(bundle);
for (const mode of ['lib', 'pipelined', 'lib', 'pipelined']) {
  const r = await page.evaluate(async ({ mode, N }) => {
    const L = (globalThis as any).__beakerLog;
    const name = 'exp-' + mode + Math.random();
    const dbp = L.openDatabase(name); const db = await dbp;
    const sid = 's'; const day = '2024-01-01';
    const ops: any[] = [];
    let seq = 0;
    for (let v = 0; ops.length < N; v++) {
      const visitId = `${sid}:v${seq++}`;
      ops.push({ op: 'visit', visit: { id: visitId, schemaVersion: 1, sessionId: sid, tabId: 1, url: 'https://a.example/', site: 'a.example', navigation: 'load', startedAt: new Date().toISOString(), day, arrivalParams: [], counts: { tracker: 0, ad: 0, darkPattern: 0, engagement: 0, requests: 0, thirdPartyRequests: 0 } } });
      for (let i = 0; i < 400; i++) { const s = seq++; ops.push({ op: 'event', event: { id: `${sid}:${s}`, kind: 'tracker', targeting: true, visitId, tabId: 1, frameId: 0, site: 'a.example', time: new Date().toISOString(), seq: s, url: 'https://www.google-analytics.com/collect?v=1&tid=UA-1', host: 'www.google-analytics.com', reasons: [{ rule: 'trackerdb/filter', detail: 'Google Analytics (site_analytics, Google)' }] } }); }
    }
    const t0 = performance.now();
    if (mode === 'lib') {
      const q = L.createWriteQueue(() => dbp, {});
      for (const op of ops) { q.push(op); }
      await q.flush();
    } else {
      for (let i = 0; i < ops.length; i += 200) {
        const batch = ops.slice(i, i + 200);
        const tx = db.transaction(['events', 'visits', 'siteDays'], 'readwrite');
        const E = tx.objectStore('events'), V = tx.objectStore('visits'), D = tx.objectStore('siteDays');
        const evOps = batch.filter((o: any) => o.op === 'event');
        const viOps = batch.filter((o: any) => o.op === 'visit');
        const [keys, existing] = await Promise.all([Promise.all(evOps.map((o: any) => E.getKey(o.event.id))), Promise.all(viOps.map((o: any) => V.get(o.visit.id)))]);
        const touched = new Map<string, any>();
        viOps.forEach((o: any, j: number) => { if (!existing[j]) touched.set(o.visit.id, structuredClone(o.visit)); });
        const need = [...new Set(evOps.map((o: any) => o.event.visitId))].filter((id: any) => !touched.has(id));
        const got = await Promise.all(need.map((id: any) => V.get(id)));
        need.forEach((id: any, j: number) => { if (got[j]) touched.set(id, got[j]); });
        const dayKeys = [...new Set([...touched.values()].map((v: any) => `${v.site}|${v.day}`))];
        const days = await Promise.all(dayKeys.map((k) => D.get(k)));
        const dayMap = new Map<string, any>();
        dayKeys.forEach((k, j) => { const [site, d] = k.split('|'); dayMap.set(k, days[j] ?? { key: k, site, day: d, visits: 0, counts: { tracker: 0, ad: 0, darkPattern: 0, engagement: 0, requests: 0, thirdPartyRequests: 0 } }); });
        viOps.forEach((o: any, j: number) => { if (!existing[j]) dayMap.get(`${o.visit.site}|${o.visit.day}`).visits += 1; });
        const writes: Promise<unknown>[] = [];
        evOps.forEach((o: any, j: number) => { if (keys[j] !== undefined) return; writes.push(E.add(o.event)); const v = touched.get(o.event.visitId); if (v && o.event.targeting) { v.counts.tracker += 1; dayMap.get(`${v.site}|${v.day}`).counts.tracker += 1; } });
        for (const v of touched.values()) writes.push(V.put(v));
        for (const d of dayMap.values()) writes.push(D.put(d));
        await Promise.all([...writes, tx.done]);
      }
    }
    const ms = performance.now() - t0;
    const n = await db.count('events');
    db.close(); indexedDB.deleteDatabase(name);
    return { mode, ms, n, perSec: n / ms * 1000 };
  }, { mode, N: 8000 });
  console.log(r);
}
await b.close();
