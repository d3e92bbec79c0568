import { describe, expect, test, vi } from 'vitest';
import { createTextFactsCache, loadTextClassifier, TEXT_CLASSIFIER_GLOBAL, type TextFactsFn } from '../../../lib/background/text-facts-cache';
import { textFacts, textFactsBatch } from '../../../lib/dark-patterns/text-facts';

describe('text facts cache', () => {
  test('loads the classifier once, on the first texts, and answers as the classifier does', async () => {
    const load = vi.fn(async () => textFactsBatch as TextFactsFn);
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
    const fn = vi.fn(textFactsBatch as TextFactsFn);
    const texts = createTextFactsCache(async () => fn);
    await texts(['Hurry, sale ends soon', 'Hurry, sale ends soon'], 'en');
    await texts(['Hurry, sale ends soon'], 'en');
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn).toHaveBeenLastCalledWith(['Hurry, sale ends soon'], 'en');
    await texts(['Hurry, sale ends soon'], 'de');
    expect(fn).toHaveBeenCalledTimes(2);
  });

  test('classifies what it does not know in one batch, each distinct string once, answers in order', async () => {
    const fn = vi.fn(textFactsBatch as TextFactsFn);
    const texts = createTextFactsCache(async () => fn);
    await texts(['Accept all'], 'en');
    const asked = ['Only 2 left in stock!', 'Accept all', 'No thanks, I hate saving money', 'Only 2 left in stock!', 'Reject all'];
    const answer = await texts(asked, 'en');
    expect(fn).toHaveBeenCalledTimes(2);
    expect(fn).toHaveBeenLastCalledWith(['Only 2 left in stock!', 'No thanks, I hate saving money', 'Reject all'], 'en');
    expect(answer).toEqual(asked.map((t) => textFacts(t, 'en')));
    expect(answer[0]!.pattern).not.toBeNull();
  });

  test('a classifier that answers fewer texts than asked is an error, not a shifted answer', async () => {
    const texts = createTextFactsCache(async () => (batch) => textFactsBatch(batch.slice(1), 'en'));
    await expect(texts(['Only 2 left in stock!', 'Accept all'], 'en')).rejects.toThrow('answered 1 of 2');
  });

  test('a failed load rejects that question and is tried again on the next', async () => {
    const load = vi.fn<() => Promise<TextFactsFn>>().mockRejectedValueOnce(new Error('not cached')).mockResolvedValue(textFactsBatch);
    const texts = createTextFactsCache(load);
    await expect(texts(['Accept all'], 'en')).rejects.toThrow('not cached');
    await expect(texts(['Accept all'], 'en')).resolves.toEqual([textFacts('Accept all', 'en')]);
    expect(load).toHaveBeenCalledTimes(2);
  });

  test('loadTextClassifier uses the classifier already on the global', async () => {
    const g = globalThis as { [TEXT_CLASSIFIER_GLOBAL]?: TextFactsFn };
    g[TEXT_CLASSIFIER_GLOBAL] = textFactsBatch;
    try {
      await expect(loadTextClassifier('/text-classifier.js')).resolves.toBe(textFactsBatch);
    } finally {
      delete g[TEXT_CLASSIFIER_GLOBAL];
    }
  });
});
