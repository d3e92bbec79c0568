// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { createVerdictCache } from '../../../lib/content/verdicts';
import type { HostVerdict } from '../../../lib/core/detector';

/**
 * The content side of host verdicts (lib/content/verdicts.ts): each new source address asked once,
 * in batches, with the reading of sources bounded and sliced, so a page of thousands of frames
 * (issue #7, "Bad input") does not become one long task.
 */

const AD: HostVerdict = { category: 'advertising', organization: 'Google', targeting: true };

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

function recorder() {
  const asked: string[][] = [];
  const ask = async (urls: string[]) => {
    asked.push(urls);
    return Object.fromEntries(urls.map((u) => [u, u.includes('doubleclick') ? AD : null]));
  };
  return { asked, ask };
}

describe('createVerdictCache', () => {
  // Images and embeds stand for frames here: happy-dom would try to load an iframe's page.
  test('asks about each frame, image and object source once, and answers from the cache', async () => {
    const doc = page(
      '<embed src="https://securepubads.g.doubleclick.net/a"><img src="https://img.example/x.png"><object data="https://cdn.example/o"></object><img src="https://securepubads.g.doubleclick.net/a"><img src="data:image/gif;base64,R0lGOD">',
    );
    const { asked, ask } = recorder();
    const cache = createVerdictCache(ask);
    await cache.prepare([doc]);
    expect(asked).toEqual([['https://securepubads.g.doubleclick.net/a', 'https://img.example/x.png', 'https://cdn.example/o']]);
    expect(cache.verdict('https://securepubads.g.doubleclick.net/a')).toEqual(AD);
    expect(cache.verdict('https://img.example/x.png')).toBeNull();
    await cache.prepare([doc]);
    expect(asked).toHaveLength(1);
  });

  test('5,000 sources of one address: one address asked, at most 4,000 sources read', async () => {
    const doc = page('<img src="https://frames.example/same">'.repeat(5000));
    const { asked, ask } = recorder();
    let reads = 0;
    const cache = createVerdictCache(ask, {
      now: () => {
        reads += 1;
        return 0;
      },
    });
    await cache.prepare([doc]);
    expect(asked).toEqual([['https://frames.example/same']]);
    // The clock is read every 64 sources: the bound stopped the reading before the 5,000th.
    expect(reads).toBeLessThanOrEqual(4000 / 64 + 2);
  });

  test('3,000 distinct addresses: 1,000 asked in one batch (200 per message), the rest by later batches', async () => {
    const doc = page(Array.from({ length: 3000 }, (_, i) => `<img src="https://f${i}.example/">`).join(''));
    const { asked, ask } = recorder();
    const cache = createVerdictCache(ask);
    await cache.prepare([doc]);
    expect(asked.map((a) => a.length)).toEqual([200, 200, 200, 200, 200]);
    await cache.prepare([doc]);
    await cache.prepare([doc]);
    const all = new Set(asked.flat());
    expect(all.size).toBe(3000);
    expect(asked.flat()).toHaveLength(3000);
  });

  test('reading yields to the page whenever the slice budget is spent', async () => {
    const doc = page(Array.from({ length: 600 }, (_, i) => `<img src="https://i${i}.example/p.png">`).join(''));
    const { ask } = recorder();
    let clock = 0;
    let yields = 0;
    const cache = createVerdictCache(ask, {
      // Every clock reading is 3 ms later: over an 8 ms budget after three readings.
      now: () => (clock += 3),
      budgetMs: 8,
      yieldToPage: async () => {
        yields += 1;
      },
    });
    await cache.prepare([doc]);
    // 600 sources, the clock read every 64: 9 readings after the first, a yield every third.
    expect(yields).toBe(3);
    expect(cache.size()).toBe(600);
  });

  test('the cache stays bounded and keeps the answers of the batch it just fetched', async () => {
    const { ask } = recorder();
    const cache = createVerdictCache(ask);
    for (let round = 0; round < 7; round++) {
      const doc = page(Array.from({ length: 1000 }, (_, i) => `<img src="https://r${round}-${i}.doubleclick.net/">`).join(''));
      await cache.prepare([doc]);
      expect(cache.verdict(`https://r${round}-0.doubleclick.net/`)).toEqual(AD);
      expect(cache.verdict(`https://r${round}-999.doubleclick.net/`)).toEqual(AD);
    }
    expect(cache.size()).toBeLessThanOrEqual(5000);
  });
});
