import type { TextFacts } from '../core/detector';

const LIMIT = 20_000;

/**
 * What the classifier script puts on the global: the facts of a whole batch of strings in one
 * language (`textFactsBatch`), each the same as alone; rule by rule over the batch, several times
 * cheaper per string than one string after the other (`npm run bench -- --only dark-patterns`).
 */
export type TextFactsFn = (texts: readonly string[], lang: string | null) => TextFacts[];

/**
 * The text classifier (lib/dark-patterns: 83 rules and the button phrases, compiled into Unicode
 * regexes when their modules run, about 200 ms of a worker start on 2 cores) is built as a script of
 * its own, `entrypoints/text-classifier.ts`, and loaded on the first `classify-texts`: a worker woken
 * by a request classifies it without evaluating any of that. A service worker may not `import()`
 * (HTML spec; Chrome throws), so the script is a classic one that sets this global.
 */
export const TEXT_CLASSIFIER_GLOBAL = '__beakerTextFacts';
export const TEXT_CLASSIFIER_PATH = '/text-classifier.js';

type ClassifierGlobal = { [TEXT_CLASSIFIER_GLOBAL]?: TextFactsFn };
interface ServiceWorkerScope {
  importScripts(...urls: string[]): void;
  addEventListener(type: 'install', listener: () => void): void;
}

function serviceWorkerScope(): ServiceWorkerScope | null {
  const scope = globalThis as unknown as Partial<ServiceWorkerScope> & { ServiceWorkerGlobalScope?: abstract new () => unknown };
  const isWorker = typeof scope.ServiceWorkerGlobalScope === 'function' && globalThis instanceof scope.ServiceWorkerGlobalScope;
  return isWorker && typeof scope.importScripts === 'function' ? (scope as ServiceWorkerScope) : null;
}

/**
 * Call synchronously in the worker's first turn. A service worker may `importScripts` after it is
 * installed only what it imported while installing, so the install event imports the classifier
 * once (per install or update); every later worker start loads it from there, on first use.
 */
export function precacheTextClassifier(url: string): void {
  const sw = serviceWorkerScope();
  if (!sw) return;
  sw.addEventListener('install', () => {
    try {
      sw.importScripts(url);
    } catch (error) {
      console.error('[beaker] could not import the text classifier while installing', error);
    }
  });
}

/**
 * Load the classifier script once: `importScripts` in a service worker (Chrome), a `<script>` in an
 * event page (Firefox). Resolves with the function the script put on the global.
 */
export function loadTextClassifier(url: string): Promise<TextFactsFn> {
  const loaded = () => {
    const fn = (globalThis as ClassifierGlobal)[TEXT_CLASSIFIER_GLOBAL];
    if (typeof fn !== 'function') throw new Error(`${url} did not define the text classifier`);
    return fn;
  };
  if ((globalThis as ClassifierGlobal)[TEXT_CLASSIFIER_GLOBAL]) return Promise.resolve(loaded());
  const sw = serviceWorkerScope();
  if (sw) {
    try {
      sw.importScripts(url);
      return Promise.resolve(loaded());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
  return new Promise<TextFactsFn>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.addEventListener('load', () => {
      try {
        resolve(loaded());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    script.addEventListener('error', () => reject(new Error(`could not load ${url}`)));
    (document.head ?? document.documentElement).append(script);
  });
}

/**
 * Text facts for content scripts, memoised: the same button labels and banners recur on every page
 * of a site. Bounded; cleared whole when full (cheap, and the next pages refill it). `load` gives the
 * classifier, asked once, on the first text; a failed load is asked again on the next.
 */
export function createTextFactsCache(load: () => Promise<TextFactsFn>): (texts: readonly string[], lang: string | null) => Promise<TextFacts[]> {
  const memo = new Map<string, TextFacts>();
  let classifier: TextFactsFn | null = null;
  let loading: Promise<TextFactsFn> | null = null;
  const classify = (fn: TextFactsFn, texts: readonly string[], lang: string | null): TextFacts[] => {
    const answers: (TextFacts | undefined)[] = new Array(texts.length);
    // What the memo does not know, each distinct string once, classified in one batch.
    const missing = new Map<string, number[]>();
    for (let i = 0; i < texts.length; i++) {
      const key = `${lang ?? ''}\u0000${texts[i]}`;
      const known = memo.get(key);
      if (known) answers[i] = known;
      else {
        const at = missing.get(key);
        if (at) at.push(i);
        else missing.set(key, [i]);
      }
    }
    if (missing.size > 0) {
      const keys = [...missing.keys()];
      const facts = fn(
        keys.map((k) => texts[missing.get(k)![0]!]!),
        lang,
      );
      if (facts.length !== keys.length) throw new Error(`the text classifier answered ${facts.length} of ${keys.length} texts`);
      if (memo.size + keys.length > LIMIT) memo.clear();
      for (let k = 0; k < keys.length; k++) {
        memo.set(keys[k]!, facts[k]!);
        for (const i of missing.get(keys[k]!)!) answers[i] = facts[k]!;
      }
    }
    return answers as TextFacts[];
  };
  return async (texts, lang) => {
    if (!classifier) {
      loading ??= load().then(
        (fn) => (classifier = fn),
        (error: unknown) => {
          loading = null;
          throw error;
        },
      );
      await loading;
    }
    return classify(classifier!, texts, lang);
  };
}
