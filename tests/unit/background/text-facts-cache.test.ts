import { describe, expect, test, vi } from 'vitest';
import { createTextFactsCache, loadTextClassifier, TEXT_CLASSIFIER_GLOBAL, type TextFactsFn } from '../../../lib/background/text-facts-cache';
import { textFacts } from '../../../lib/dark-patterns/text-facts';

describe('text facts cache', () => {
  test('loads the classifier once, on the first texts, and answers as the classifier does', async () => {
    const load = vi.fn(async () => textFacts as TextFactsFn);
    const texts = createTextFactsCache(load);
    expect(load).not.toHaveBeenCalled();
    const [first, second] = await Promise.all([texts(['Only 2 left in stock!'], 'en'), texts(['No thanks, I hate saving money'], 'en')]);
    expect(load).toHaveBeenCalledOnce();
    expect(first).toEqual([textFacts('Only 2 left in stock!', 'en')]);
    expect(second).toEqual([textFacts('No thanks, I hate saving money', 'en')]);
    await texts(['Accept all'], null);
    expect(load).toHaveBeenCalledOnce();
  });

  test('memoises per language and text', async () => {
    const fn = vi.fn(textFacts as TextFactsFn);
    const texts = createTextFactsCache(async () => fn);
    await texts(['Hurry, sale ends soon', 'Hurry, sale ends soon'], 'en');
    await texts(['Hurry, sale ends soon'], 'en');
    expect(fn).toHaveBeenCalledTimes(1);
    await texts(['Hurry, sale ends soon'], 'de');
    expect(fn).toHaveBeenCalledTimes(2);
  });

  test('a failed load rejects that question and is tried again on the next', async () => {
    const load = vi.fn<() => Promise<TextFactsFn>>().mockRejectedValueOnce(new Error('not cached')).mockResolvedValue(textFacts);
    const texts = createTextFactsCache(load);
    await expect(texts(['Accept all'], 'en')).rejects.toThrow('not cached');
    await expect(texts(['Accept all'], 'en')).resolves.toEqual([textFacts('Accept all', 'en')]);
    expect(load).toHaveBeenCalledTimes(2);
  });

  test('loadTextClassifier uses the classifier already on the global', async () => {
    const g = globalThis as { [TEXT_CLASSIFIER_GLOBAL]?: TextFactsFn };
    g[TEXT_CLASSIFIER_GLOBAL] = textFacts;
    try {
      await expect(loadTextClassifier('/text-classifier.js')).resolves.toBe(textFacts);
    } finally {
      delete g[TEXT_CLASSIFIER_GLOBAL];
    }
  });
});
