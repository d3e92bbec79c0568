import type { DetectorContext, Finding, Pass, PassResult, ScanContext } from '../core/detector';
import { buildIndex, queryIndex, type IndexSpec, type PageIndex } from '../core/page-index';

export interface ScannerOptions {
  win: Window;
  passes: readonly Pass[];
  /** What the one walk per root files for the passes' detectors (the registry's union of their sources). */
  indexSpec?: IndexSpec;
  /** Build the context for a batch of roots (e.g. after asking the background about their URLs). */
  context: (roots: readonly ParentNode[]) => Promise<ScanContext>;
  onFindings: (findings: Finding[]) => void;
  onError: (detectorId: string, error: unknown) => void;
  /** Main-thread time one slice may take before it yields (uBlock Origin's guest manners). */
  budgetMs?: number;
  /** Pending mutation roots beyond this are merged into one rescan of the document. */
  maxQueued?: number;
}

export interface Scanner {
  /** First pass over the whole document, then incremental passes on mutations. */
  start(): void;
  stop(): void;
  /** Whether an element is, or is inside, something already reported (engagement ignores it). */
  isInsideFinding(el: Element): boolean;
  /** Findings made outside a pass (a page-world hint): deduplicated and reported like the rest. */
  offer(findings: Finding[]): void;
  /** Queue one element for another pass (a countdown confirmed, a prompt that changed). */
  rescan(el: Element): void;
  /** Elements reported so far, in order. */
  reported(): readonly Element[];
  /** Resolves when no work is queued (tests, benchmarks). */
  idle(): Promise<void>;
  stats(): ScanStats;
}

export interface ScanStats {
  slices: number;
  rootsScanned: number;
  longestSliceMs: number;
  mutationsQueued: number;
  fullPasses: number;
}

function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as Node).nodeType === 1;
}

const SKIP_TAGS = new Set(['beaker-highlight', 'script', 'style', 'noscript', 'template', 'svg', 'head', 'meta', 'link']);
const MAX_REPORTED = 5000;
/** Rounds of a batch: a detector may ask a second question only once the first was answered. */
const MAX_ROUNDS = 3;
/** A full pass cuts the document into subtrees of at most this many elements (see `npm run bench -- --only scan`). */
const SPLIT_AT = 800;
const MAX_SPLIT_DEPTH = 8;
const MAX_FULL_PASS_ROOTS = 5000;
const MAX_ATTRIBUTE_CHECKS = 200;
const OVERLAY_ATTRIBUTES = ['hidden', 'open', 'style', 'class', 'aria-hidden', 'aria-modal'];
const OVERLAY_HINT = /modal|popup|pop-up|overlay|dialog|lightbox|banner|consent|cookie|newsletter|interstitial|paywall/i;

/** Cheap test for elements worth a rescan when their attributes change. */
function looksLikeOverlay(el: Element): boolean {
  if (el.localName === 'dialog') return true;
  const role = el.getAttribute('role');
  if (role === 'dialog' || role === 'alertdialog' || el.getAttribute('aria-modal') === 'true') return true;
  const hint = `${el.id} ${el.getAttribute('class') ?? ''}`;
  return hint.length < 300 && OVERLAY_HINT.test(hint);
}

/**
 * Give the page its turn. Resolves in an idle period with a clock of the time left in it, so
 * several slices can run in one idle period (chained idle callbacks get one period each, about
 * 40 ms apart in Chromium: one slice per period made rescans wait far longer than they worked).
 */
function idlePeriod(win: Window): Promise<() => number> {
  return new Promise((resolve) => {
    const ric = (win as Window & { requestIdleCallback?: (cb: (d?: { timeRemaining?(): number }) => void, o?: { timeout: number }) => number })
      .requestIdleCallback;
    if (typeof ric === 'function') ric.call(win, (deadline) => resolve(() => deadline?.timeRemaining?.() ?? 0), { timeout: 200 });
    else win.setTimeout(() => resolve(() => 0), 0);
  });
}

/**
 * The roots of a full pass: the document cut into subtrees of at most SPLIT_AT elements, so the
 * pass runs in slices like any rescan and per-pass caps of detectors apply per subtree.
 */
function partitionDocument(doc: Document): ParentNode[] {
  const body = doc.body ?? doc.documentElement;
  if (!body) return [doc];
  const roots: Element[] = [];
  const stack: [Element, number][] = [[body, 0]];
  while (stack.length > 0 && roots.length < MAX_FULL_PASS_ROOTS) {
    const [el, depth] = stack.pop()!;
    if (depth < MAX_SPLIT_DEPTH && el.childElementCount > 0 && el.getElementsByTagName('*').length > SPLIT_AT) {
      const children: [Element, number][] = [];
      for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (!SKIP_TAGS.has(c.localName)) children.push([c, depth + 1]);
      for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!);
    } else roots.push(el);
  }
  // Anything left when the cap was hit goes whole.
  for (const [el] of stack) roots.push(el);
  return roots;
}

/**
 * What was reported, ever: one element is reported once, and an ad inside (or around) an ad already
 * reported is not reported again. Bounded: past MAX_REPORTED, elements that left the page are forgotten.
 */
function createReportedSet() {
  const set = new Set<Element>();
  const list: Element[] = [];

  function isInsideFinding(el: Element): boolean {
    for (let node: Element | null = el; node; node = node.parentElement) if (set.has(node)) return true;
    return false;
  }

  function containsReportedAd(el: Element): boolean {
    for (const r of list) if (r !== el && el.contains(r)) return true;
    return false;
  }

  /** The findings not reported before (now reported), in order. */
  function accept(findings: Finding[]): Finding[] {
    const fresh: Finding[] = [];
    for (const f of findings) {
      if (set.has(f.element)) continue;
      if (f.kind === 'ad' && isInsideFinding(f.element)) continue;
      if (f.kind === 'ad' && containsReportedAd(f.element)) continue;
      set.add(f.element);
      list.push(f.element);
      fresh.push(f);
    }
    if (list.length > MAX_REPORTED) {
      // Forget the oldest that left the page; keep memory bounded on endless feeds.
      for (let i = 0; i < list.length && list.length > MAX_REPORTED / 2; i++) {
        const el = list[i]!;
        if (!el.isConnected) {
          set.delete(el);
          list.splice(i, 1);
          i -= 1;
        }
      }
    }
    return fresh;
  }

  return { isInsideFinding, accept, list: (): readonly Element[] => list };
}

/**
 * When detectors run: a first pass at document idle, then passes over what mutations added, in
 * idle slices with a time budget. Work grows with what changed: a mutation queues only the added
 * subtree (and not one already queued inside another). One element is reported once, ever; an ad
 * found inside an element already reported is not reported again.
 */
export function createScanner(options: ScannerOptions): Scanner {
  const { win } = options;
  const budgetMs = options.budgetMs ?? 8;
  const maxQueued = options.maxQueued ?? 2000;
  const doc = win.document;
  const reported = createReportedSet();
  let queue: ParentNode[] = [];
  let fullPassPending = false;
  let running = false;
  let stopped = true;
  let observer: MutationObserver | null = null;
  let idleWaiters: (() => void)[] = [];
  let attributeChecks = 0;
  const stats: ScanStats = { slices: 0, rootsScanned: 0, longestSliceMs: 0, mutationsQueued: 0, fullPasses: 0 };
  const now = () => win.performance.now();

  const yieldToPage = () => idlePeriod(win);

  async function drain(): Promise<void> {
    if (running) return;
    running = true;
    try {
      while (!stopped && (fullPassPending || queue.length > 0)) {
        await yieldToPage();
        if (stopped) break;
        if (fullPassPending) {
          fullPassPending = false;
          queue = [];
          stats.fullPasses += 1;
          await runBatch(partitionDocument(doc));
          continue;
        }
        const roots = queue;
        queue = [];
        await runBatch(roots);
      }
    } finally {
      running = false;
      if (queue.length === 0 && !fullPassPending) {
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const w of waiters) w();
      }
    }
  }

  /**
   * Run every pass over `roots` in budgeted slices. When the context learned something it did not
   * know during the run (text verdicts fetched from the background), run again the jobs that asked
   * what was not known, at most MAX_ROUNDS times, and accept findings only then: an element is
   * reported once, so it must be reported with everything known about it.
   */
  async function runBatch(roots: readonly ParentNode[]): Promise<void> {
    const base = await options.context(roots);
    // One walk per root per batch: every pass, and every round, reads the same index.
    const indexes = new Map<ParentNode, PageIndex>();
    const ctx: ScanContext = {
      ...base,
      index: (root) => {
        let index = indexes.get(root);
        if (!index) {
          index = options.indexSpec ? buildIndex(root, options.indexSpec) : queryIndex(root);
          indexes.set(root, index);
        }
        return index;
      },
    };
    const jobs: [Pass, ParentNode][] = [];
    for (const root of roots) for (const pass of options.passes) jobs.push([pass, root]);
    const results: (PassResult | null)[] = new Array(jobs.length).fill(null);
    let pending = jobs.map((_, index) => index);
    for (let round = 1; round <= MAX_ROUNDS && !stopped && pending.length > 0; round++) {
      const asked: number[] = [];
      let i = 0;
      let remaining = await yieldToPage();
      while (i < pending.length && !stopped) {
        runSlice(() => {
          const started = now();
          do {
            const index = pending[i++]!;
            const [pass, root] = jobs[index]!;
            if (isElement(root) && !root.isConnected) continue;
            const missesBefore = ctx.misses?.() ?? 0;
            results[index] = runPass(pass, root, ctx);
            // Without a miss counter, every job may have asked: all run again.
            if (!ctx.misses || ctx.misses() > missesBefore) asked.push(index);
          } while (i < pending.length && now() - started < budgetMs);
        });
        if (i < pending.length && remaining() < budgetMs) remaining = await yieldToPage();
      }
      if (stopped) return;
      const learned = round < MAX_ROUNDS && ctx.settle ? await ctx.settle() : false;
      pending = learned ? asked : [];
    }
    for (const result of results) {
      if (!result) continue;
      for (const e of result.errors) options.onError(e.detectorId, e.error);
      const fresh = reported.accept(result.findings);
      if (fresh.length > 0) options.onFindings(fresh);
    }
  }

  function runSlice(work: () => void): void {
    const started = now();
    work();
    const took = now() - started;
    stats.slices += 1;
    if (took > stats.longestSliceMs) stats.longestSliceMs = took;
  }

  function runPass(pass: Pass, root: ParentNode, ctx: DetectorContext): PassResult | null {
    stats.rootsScanned += 1;
    try {
      return pass(root, ctx);
    } catch (error) {
      options.onError('scan/pass', error);
      return null;
    }
  }

  function enqueue(node: Node): void {
    if (!isElement(node)) return;
    if (SKIP_TAGS.has(node.localName)) return;
    stats.mutationsQueued += 1;
    if (fullPassPending) return;
    if (queue.length >= maxQueued) {
      // A mutation storm: one full pass later costs less than thousands of small ones.
      queue = [];
      fullPassPending = true;
      return;
    }
    queue.push(node);
  }

  function onMutations(records: MutationRecord[]): void {
    // Only queue here; the work happens later, in slices (uBlock Origin's pattern).
    for (const record of records) {
      if (record.type === 'childList') {
        const added = record.addedNodes;
        for (let i = 0; i < added.length; i++) enqueue(added[i]!);
      } else if (record.type === 'attributes' && attributeChecks < MAX_ATTRIBUTE_CHECKS && isElement(record.target)) {
        // A dialog, banner or modal already in the page and shown later (hidden, class or style
        // toggled): scan it again. Only overlay-like elements, so class churn stays cheap.
        attributeChecks += 1;
        if (looksLikeOverlay(record.target)) enqueue(record.target);
      }
    }
    attributeChecks = 0;
    // Drop roots inside other queued roots (they will be scanned with their ancestor).
    if (queue.length > 1) {
      const set = new Set(queue);
      queue = queue.filter((root) => {
        for (let p = (root as Element).parentElement; p; p = p.parentElement) if (set.has(p)) return false;
        return true;
      });
    }
    void drain();
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      fullPassPending = true;
      // The content script's own MutationObserver: in an isolated world (Chrome) or behind Xray
      // vision (Firefox), a page that redefines the global cannot reach this one.
      const mo = new MutationObserver(onMutations);
      mo.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: OVERLAY_ATTRIBUTES });
      observer = mo;
      void drain();
    },
    stop() {
      stopped = true;
      observer?.disconnect();
      observer = null;
      queue = [];
    },
    isInsideFinding: (el) => reported.isInsideFinding(el),
    offer(findings) {
      const fresh = reported.accept(findings);
      if (fresh.length > 0) options.onFindings(fresh);
    },
    rescan(el) {
      enqueue(el);
      void drain();
    },
    reported: () => reported.list(),
    idle: () =>
      !running && queue.length === 0 && !fullPassPending ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve)),
    stats: () => ({ ...stats }),
  };
}
