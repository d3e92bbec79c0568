import { afterEach, expect, test, vi } from 'vitest';
import { createHighlighter } from '../../../lib/content/highlight';
import { defineOnDemand, importOnDemand, ON_DEMAND } from '../../../lib/content/on-demand';

const global = globalThis as Record<string, unknown>;
afterEach(() => {
  for (const { global: name } of Object.values(ON_DEMAND)) delete global[name];
});

test('imports a module from the extension once, and hands back what it defined', async () => {
  const load = vi.fn(async (url: string) => {
    expect(url).toBe('chrome-extension://id/content-highlight.js');
    defineOnDemand('highlight', createHighlighter);
  });
  const getURL = (path: string) => `chrome-extension://id${path}`;
  await expect(importOnDemand('highlight', getURL, load)).resolves.toBe(createHighlighter);
  await expect(importOnDemand('highlight', getURL, load)).resolves.toBe(createHighlighter);
  expect(load).toHaveBeenCalledOnce();
});

test('a module that defined nothing, or did not load, is an error, not a function', async () => {
  await expect(importOnDemand('lists', (p) => p, async () => undefined)).rejects.toThrow('/content-lists.js did not define');
  await expect(importOnDemand('highlight', (p) => p, async () => Promise.reject(new Error('blocked')))).rejects.toThrow('blocked');
});

test('every on-demand module has an entrypoint of its own that defines it', async () => {
  const { readFileSync } = await import('node:fs');
  for (const [which, { path }] of Object.entries(ON_DEMAND)) {
    const source = readFileSync(`entrypoints${path.replace(/\.js$/, '.ts')}`, 'utf8');
    expect(source).toContain(`defineOnDemand('${which}'`);
  }
});
