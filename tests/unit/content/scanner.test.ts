// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Pass, ScanContext } from '../../../lib/core/detector';
import { createScanner } from '../../../lib/content/scanner';
import type { Finding, TextFacts } from '../../../lib/core/detector';
import { createTextFactsClient } from '../../../lib/content/text-facts-client';

const adPass: Pass = (root) => {
  const findings: Finding[] = [];
  const list = (root as ParentNode).querySelectorAll('[data-ad]');
  const self = root as Element;
  if (self.matches?.('[data-ad]')) findings.push({ kind: 'ad', detectorId: 'ads/test', element: self, network: null, reasons: [] });
  for (const el of list) findings.push({ kind: 'ad', detectorId: 'ads/test', element: el, network: null, reasons: [] });
  return { findings, errors: [] };
};

const baseContext = (extra: Partial<ScanContext> = {}): ScanContext => ({
  win: window,
  lang: 'en',
  verdict: () => null,
  text: () => ({ pattern: null, button: 'other', discourse: false }),
  now: () => Date.now(),
  ...extra,
});

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  document.body.innerHTML = '';
});

function start(passes: Pass[], context: () => Promise<ScanContext> = async () => baseContext()) {
  const found: Finding[] = [];
  const errors: string[] = [];
  const scanner = createScanner({ win: window, passes, context, onFindings: (f) => found.push(...f), onError: (id) => errors.push(id) });
  scanner.start();
  stop = () => scanner.stop();
  return { scanner, found, errors };
}

describe('counts', () => {
  test('a full pass, then only what mutations add; an element once, an ad inside an ad never', async () => {
    document.body.innerHTML = '<div data-ad id="a"><div data-ad id="inner"></div></div><p>text</p>';
    const { scanner, found } = start([adPass]);
    await scanner.idle();
    expect(found.map((f) => f.element.id)).toEqual(['a']);
    const added = document.createElement('section');
    added.innerHTML = '<div data-ad id="b"></div>';
    document.body.append(added);
    await vi.waitFor(() => expect(found.map((f) => f.element.id)).toEqual(['a', 'b']));
    // Re-adding a reported element, or scanning again, reports nothing new.
    document.body.append(document.getElementById('b')!);
    scanner.rescan(document.body);
    await scanner.idle();
    expect(found).toHaveLength(2);
    expect(scanner.stats().fullPasses).toBe(1);
  });

  test('a pass runs again once the background answered the text questions, and reports once', async () => {
    document.body.innerHTML = '<p id="stock">Only 2 left in stock</p>';
    const asked: string[][] = [];
    const client = createTextFactsClient(async (texts) => {
      asked.push(texts);
      return texts.map(
        (t): TextFacts => ({
          pattern: t.includes('left') ? { category: 'scarcity', type: 'low-stock-message', confidence: 0.9, ruleId: 'text/low-stock-message/1@1', explanationId: 'dark-pattern/low-stock-message' } : null,
          button: 'other',
          discourse: false,
        }),
      );
    });
    const textPass: Pass = (root, ctx) => {
      const el = (root as ParentNode).querySelector('#stock');
      const facts = el ? ctx.text(el.textContent ?? '') : null;
      return {
        findings:
          el && facts?.pattern
            ? [{ kind: 'dark-pattern', detectorId: 'dark-patterns/test', element: el, category: 'scarcity', type: facts.pattern.type, confidence: 0.9, evidence: 'x', explanationId: 'e', reasons: [] }]
            : [],
        errors: [],
      };
    };
    const runs: string[] = [];
    const quiet: Pass = (root) => {
      runs.push('quiet');
      return { findings: [], errors: [] };
    };
    const { scanner, found } = start([textPass, quiet], async () => baseContext({ text: client.lookup, settle: client.settle, misses: client.misses }));
    await scanner.idle();
    expect(asked).toEqual([['Only 2 left in stock']]);
    expect(found).toHaveLength(1);
    // Only the job that asked ran again: the quiet pass ran once per root of the full pass.
    expect(runs.length).toBe(scanner.stats().rootsScanned - runs.length - 1);
    expect(found[0]).toMatchObject({ kind: 'dark-pattern', type: 'low-stock-message' });
  });
});

describe('ignores', () => {
  test('a pass that throws is reported and the others still run', async () => {
    document.body.innerHTML = '<div data-ad id="a"></div>';
    const broken: Pass = () => {
      throw new Error('boom');
    };
    const { scanner, found, errors } = start([broken, adPass]);
    await scanner.idle();
    expect(errors).toEqual(['scan/pass']);
    expect(found).toHaveLength(1);
  });

  test('a mutation storm collapses into one full pass instead of thousands of small ones', async () => {
    const { scanner } = start([adPass]);
    await scanner.idle();
    for (let i = 0; i < 3000; i++) document.body.append(document.createElement('div'));
    await vi.waitFor(() => expect(scanner.stats().fullPasses).toBe(2));
    await scanner.idle();
    expect(scanner.stats().mutationsQueued).toBeGreaterThanOrEqual(3000);
  });
});

describe('text facts client', () => {
  test('unknown strings read as nothing until settled; failures are remembered, not retried forever', async () => {
    const client = createTextFactsClient(async () => null);
    expect(client.lookup('Accept all')).toEqual({ pattern: null, button: 'other', discourse: false });
    expect(await client.settle()).toBe(false);
    expect(await client.settle()).toBe(false);
    client.lookup('Accept all');
    expect(await client.settle()).toBe(false);
  });

  test('batches what is missing, at most 100 strings a message', async () => {
    const sizes: number[] = [];
    const client = createTextFactsClient(async (texts) => {
      sizes.push(texts.length);
      return texts.map(() => ({ pattern: null, button: 'accept' as const, discourse: false }));
    });
    for (let i = 0; i < 250; i++) client.lookup(`label ${i}`);
    expect(await client.settle()).toBe(true);
    expect(sizes).toEqual([100, 100, 50]);
    expect(client.lookup('label 7').button).toBe('accept');
  });
});
