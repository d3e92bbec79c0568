import type { DetectorContext, Finding, Pass, PassResult, ScanContext } from '../core/detector';
import { buildIndex, queryIndex, type IndexSpec, type PageIndex } from '../core/page-index';
import { createReportedSet } from './reported-set';

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
  /**
   * Main-thread time this frame's scanner may use a second, whatever its document does (slice
   * time per second); none or 0: only the slice budget. Subframes get one, so a
   * page of 1,000 frames costs each frame no more than its own budget (issue #13).
   */
  maxMsPerSecond?: number;
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
/** Rounds of a batch: a detector may ask a second question only once the first was answered. */
const MAX_ROUNDS = 3;
/** A full pass cuts the document into subtrees of at most this many elements (see `npm run bench -- --only scan`). */
const SPLIT_AT = 800;
const MAX_SPLIT_DEPTH = 8;
const MAX_FULL_PASS_ROOTS = 5000;
const MAX_ATTRIBUTE_CHECKS = 200;
const OVERLAY_ATTRIBUTES = ['hidden', 'open', 'style', 'class', 'aria-hidden', 'aria-modal'];
/** What the one DOM watcher observes, on the document and on each open shadow root it adopted. */
const OBSERVED: MutationObserverInit = { childList: true, subtree: true, attributes: true, attributeFilter: OVERLAY_ATTRIBUTES };
/** Open shadow roots scanned and watched per document; a page with more gets the first ones. */
const MAX_SHADOW_ROOTS_WATCHED = 500;
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
 * Slices go on in a period while two budgets are left in it: a period is at most 50 ms and a slice
 * may pass its budget by one job, so one task stays under 50 ms.
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
async function partitionDocument(doc: Document, pause: () => unknown): Promise<ParentNode[]> {
  const body = doc.body ?? doc.documentElement;
  if (!body) return [doc];
  const roots: Element[] = [];
  const stack: [Element, number][] = [[body, 0]];
  let looked = 0;
  while (stack.length > 0 && roots.length < MAX_FULL_PASS_ROOTS) {
    // Cut in slices like the rest: a parent of 20,000 children is 20,000 looks.
    if ((++looked & 255) === 0) await pause();
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

  const rate = options.maxMsPerSecond;
  // Slice time spent in the current second (the frame's rate budget, when it has one).
  let windowAt = 0;
  let spent = 0;
  const budgetLeft = () => {
    if (now() - windowAt >= 1000) {
      windowAt = now();
      spent = 0;
    }
    return !rate || spent + budgetMs <= rate;
  };
  /** Whether another slice may run in this idle period: two budgets left in it, and in this second. */
  const mayGoOn = (remaining: () => number) => remaining() >= 2 * budgetMs && budgetLeft();
  const yieldToPage = async () => {
    // A spent second waits for the next before an idle period is asked for.
    while (!stopped && !budgetLeft()) await new Promise((resolve) => win.setTimeout(resolve, 1000 - (now() - windowAt)));
    return idlePeriod(win);
  };

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
          let sliceStart = now();
          const roots = await partitionDocument(doc, () => now() - sliceStart > budgetMs && yieldToPage().then(() => (sliceStart = now())));
          if (stopped) break;
          await runBatch(roots);
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
      const jobsNow = pending;
      await sliced(jobsNow.length, (k) => {
        const index = jobsNow[k]!;
        const [pass, root] = jobs[index]!;
        if (isElement(root) && !root.isConnected) return;
        const missesBefore = ctx.misses?.() ?? 0;
        results[index] = runPass(pass, root, ctx);
        // Without a miss counter, every job may have asked: all run again.
        if (!ctx.misses || ctx.misses() > missesBefore) asked.push(index);
      });
      if (stopped) return;
      const learned = round < MAX_ROUNDS && ctx.settle ? await ctx.settle() : false;
      pending = learned ? asked : [];
    }
    // Reporting is sliced too: it gives each finding its locator and its impression watch, work
    // that grows with the findings (issue #13: 20,000 findings under one parent).
    const found: Finding[] = [];
    for (const result of results) {
      if (!result) continue;
      for (const e of result.errors) options.onError(e.detectorId, e.error);
      for (const f of result.findings) found.push(f);
    }
    await sliced(found.length, (k) => {
      const fresh = reported.accept([found[k]!]);
      if (fresh.length > 0) options.onFindings(fresh);
    });
    // Open shadow roots the walks met (a consent dialog in a web component): each is a root of its
    // own, scanned next and watched like the document (issue #7, item 4).
    for (const index of indexes.values()) for (const shadow of index.shadowRoots ?? []) adoptShadowRoot(shadow);
  }

  /** `step(0)` … `step(n - 1)` in slices of `budgetMs`, several in an idle period while `mayGoOn`. */
  async function sliced(n: number, step: (i: number) => void): Promise<void> {
    if (n === 0) return;
    let i = 0;
    let remaining = await yieldToPage();
    while (i < n && !stopped) {
      runSlice(() => {
        const started = now();
        do step(i++);
        while (i < n && now() - started < budgetMs);
      });
      if (i < n && !mayGoOn(remaining)) remaining = await yieldToPage();
    }
  }

  function runSlice(work: () => void): void {
    const started = now();
    work();
    const took = now() - started;
    spent += took;
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
    if (isElement(node)) {
      if (SKIP_TAGS.has(node.localName)) return;
    } else if (!shadowRootsSeen.has(node as ShadowRoot)) return;
    stats.mutationsQueued += 1;
    if (fullPassPending) return;
    if (queue.length >= maxQueued) {
      // A mutation storm: one full pass later costs less than thousands of small ones.
      queue = [];
      fullPassPending = true;
      return;
    }
    queue.push(node as ParentNode);
  }

  let shadowRootsSeen = new WeakSet<ShadowRoot>();
  let shadowRootCount = 0;
  function adoptShadowRoot(shadow: ShadowRoot): void {
    if (shadowRootsSeen.has(shadow) || shadowRootCount >= MAX_SHADOW_ROOTS_WATCHED) return;
    shadowRootsSeen.add(shadow);
    shadowRootCount += 1;
    observer?.observe(shadow, OBSERVED);
    enqueue(shadow);
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
      // Watched again from scratch: the full pass finds them again.
      shadowRootsSeen = new WeakSet();
      shadowRootCount = 0;
      // The content script's own MutationObserver: in an isolated world (Chrome) or behind Xray
      // vision (Firefox), a page that redefines the global cannot reach this one.
      const mo = new MutationObserver(onMutations);
      mo.observe(doc.documentElement, OBSERVED);
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
