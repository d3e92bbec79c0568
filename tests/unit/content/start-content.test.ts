// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { parseContentSettings, startContent, type ContentPorts, type ContentSettings, type FamilyPass } from '../../../lib/content/start-content';
import type { Pass } from '../../../lib/core/detector';
import type { Finding } from '../../../lib/core/detector';
import type { EngagementAct, FindingReport } from '../../../lib/messages';
import { createListSelectorCache } from '../../../lib/content/list-selectors';

/**
 * Issue #7, "One writer": the content script learns the settings before it does anything. On a
 * paused site, or with every family off, it scans nothing and sends nothing; a family that is off
 * does not run; when the settings change it starts (or stops) what changed.
 */

const ON: ContentSettings = { paused: false, families: { ads: true, darkPatterns: true, engagement: true } };
const PAUSED: ContentSettings = { ...ON, paused: true };
const families = (f: Partial<ContentSettings['families']>): ContentSettings => ({ paused: false, families: { ...ON.families, ...f } });

/** happy-dom has no `isTrusted`; a browser-made event is emulated as in watch-engagement.test.ts. */
const trustedClick = (el: Element) => {
  const event = new MouseEvent('click', { bubbles: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  el.dispatchEvent(event);
};

/** Fake detector passes: every `[data-ad]` is an ad, every `[data-dp]` a dark pattern. */
const passRuns = { ads: 0, darkPatterns: 0 };
const findAll = (root: ParentNode, selector: string): Element[] => {
  const self = root as Element;
  return [...(self.matches?.(selector) ? [self] : []), ...root.querySelectorAll(selector)];
};
const adPass: Pass = (root) => {
  passRuns.ads += 1;
  const findings: Finding[] = findAll(root, '[data-ad]').map((element) => ({ kind: 'ad', detectorId: 'ads/test', element, network: null, reasons: [] }));
  return { findings, errors: [] };
};
const darkPatternPass: Pass = (root, ctx) => {
  passRuns.darkPatterns += 1;
  // As the text detectors do: ask the (background's) text classifier about the strings found.
  for (const el of findAll(root, '[data-dp]')) ctx.text(el.textContent ?? '');
  const findings = findAll(root, '[data-dp]').map(
    (element): Finding => ({
      kind: 'dark-pattern',
      detectorId: 'dark-patterns/test',
      element,
      category: 'urgency',
      type: 'countdown-timer',
      confidence: 1,
      evidence: 'test',
      explanationId: 'countdown-timer',
      reasons: [],
    }),
  );
  return { findings, errors: [] };
};
const PASSES: FamilyPass[] = [
  { family: 'ads', pass: adPass },
  { family: 'darkPatterns', pass: darkPatternPass },
];

interface Fake {
  ports: ContentPorts;
  /** Every call a port received, by name, except the settings question and its subscription. */
  calls: string[];
  findings: FindingReport[];
  acts: EngagementAct[];
  asked: number;
  answer: (s: ContentSettings | null) => void;
  change: (s: ContentSettings) => void;
  /** The popup's "Show on page" request, as the content script's listener receives it. */
  highlight: (items: { unitId: string; label: string }[] | null) => void;
  /** What the loaded highlighter was asked to do: `show:<ids of the elements>` or `clear`. */
  shown: string[];
}

function fakePorts(initial: ContentSettings | null | 'pending'): Fake {
  let current: ContentSettings | null = initial === 'pending' ? null : initial;
  let pending: ((s: ContentSettings | null) => void) | null = null;
  let onChange: (() => void) | null = null;
  const fake: Fake = {
    calls: [],
    findings: [],
    acts: [],
    asked: 0,
    answer: (s) => {
      current = s;
      pending?.(s);
      pending = null;
    },
    change: (s) => {
      current = s;
      onChange?.();
    },
    ports: {
      settings: () => {
        fake.asked += 1;
        if (initial === 'pending' && fake.asked === 1) return new Promise((resolve) => (pending = resolve));
        return Promise.resolve(current);
      },
      onSettingsChanged: (listener) => {
        onChange = listener;
        return () => (onChange = null);
      },
      sendEngagement: async (acts) => {
        fake.calls.push('engagement');
        fake.acts.push(...acts);
      },
      sendFindings: async (findings) => {
        fake.calls.push('findings');
        fake.findings.push(...findings);
      },
      classifyUrls: async (urls) => {
        fake.calls.push('classify-urls');
        return Object.fromEntries(urls.map((u) => [u, null]));
      },
      classifyTexts: async (texts) => {
        fake.calls.push('classify-texts');
        return texts.map(() => ({ pattern: null, button: 'other', discourse: false }));
      },
      listSelectors: async () => {
        fake.calls.push('list-selectors');
        return { state: 'off', selectors: [] };
      },
      onHighlight: (listener) => {
        fake.highlight = listener;
        return () => (fake.highlight = () => undefined);
      },
      loadListSelectors: async () => {
        fake.calls.push('load-list-selectors');
        return createListSelectorCache;
      },
      loadHighlighter: async () => {
        fake.calls.push('load-highlighter');
        return () => ({
          show: (items) => fake.shown.push(`show:${items.map((i) => (i.element as HTMLElement).id).join(',')}`),
          clear: () => fake.shown.push('clear'),
        });
      },
    },
    highlight: () => undefined,
    shown: [],
  };
  return fake;
}

/** Longer than the findings (300 ms) and engagement (500 ms) batching intervals. */
const settle = () => new Promise((r) => setTimeout(r, 700));

let stop: (() => void) | null = null;
function start(fake: Fake, extra: Partial<Parameters<typeof startContent>[0]> = {}) {
  stop = startContent({ win: window, ports: fake.ports, passes: PASSES, countEngagement: true, ...extra });
}

beforeEach(() => {
  passRuns.ads = 0;
  passRuns.darkPatterns = 0;
  document.body.innerHTML =
    '<div data-ad id="ad1"><img src="https://ads.example/unit.png"></div><p data-dp id="dp1">Only 2 left</p><button id="b">Buy</button>';
});
afterEach(() => {
  stop?.();
  stop = null;
});

describe('a paused site', () => {
  test('gets no scan and no messages from the content script: no classify-urls, no classify-texts, no findings, no engagement', async () => {
    const fake = fakePorts(PAUSED);
    start(fake, { frameIsAd: async () => (fake.calls.push('frame-is-ad'), false) });
    await settle();
    trustedClick(document.getElementById('b')!);
    document.body.insertAdjacentHTML('beforeend', '<div data-ad id="late"></div>');
    await settle();
    expect(fake.asked).toBe(1);
    expect(fake.calls).toEqual([]);
    expect(passRuns).toEqual({ ads: 0, darkPatterns: 0 });
  });

  test('nothing runs before the settings are known, and nothing after they say paused', async () => {
    const fake = fakePorts('pending');
    start(fake);
    await settle();
    trustedClick(document.getElementById('b')!);
    await settle();
    expect(fake.calls).toEqual([]);
    expect(passRuns).toEqual({ ads: 0, darkPatterns: 0 });
    fake.answer(PAUSED);
    await settle();
    expect(fake.calls).toEqual([]);
    expect(passRuns).toEqual({ ads: 0, darkPatterns: 0 });
  });

  test('when the site is resumed, the content script starts: scans, reports, counts', async () => {
    const fake = fakePorts(PAUSED);
    start(fake);
    await settle();
    expect(fake.calls).toEqual([]);
    fake.change(ON);
    await vi.waitFor(() => expect(fake.findings.map((f) => f.kind).sort()).toEqual(['ad', 'dark-pattern']), { timeout: 3000 });
    expect(fake.asked).toBe(2);
    expect(fake.calls).toContain('classify-urls');
    expect(fake.calls).toContain('classify-texts');
    trustedClick(document.getElementById('b')!);
    await vi.waitFor(() => expect(fake.acts.map((a) => a.action)).toEqual(['click']), { timeout: 3000 });
  });

  test('a page paused while it runs stops: later changes are not scanned, nothing more is sent', async () => {
    const fake = fakePorts(ON);
    start(fake);
    await vi.waitFor(() => expect(fake.findings).toHaveLength(2), { timeout: 3000 });
    fake.change(PAUSED);
    await settle();
    const before = [...fake.calls];
    const runs = { ...passRuns };
    document.body.insertAdjacentHTML('beforeend', '<div data-ad id="late"></div>');
    trustedClick(document.getElementById('b')!);
    await settle();
    expect(fake.calls).toEqual(before);
    expect(passRuns).toEqual(runs);
  });
});

describe('detector families', () => {
  test('ads and dark patterns off: no scan at all, no question about the page; engagement still counts', async () => {
    const fake = fakePorts(families({ ads: false, darkPatterns: false }));
    start(fake);
    await settle();
    expect(passRuns).toEqual({ ads: 0, darkPatterns: 0 });
    expect(fake.calls).toEqual([]);
    trustedClick(document.getElementById('b')!);
    await vi.waitFor(() => expect(fake.calls).toEqual(['engagement']), { timeout: 3000 });
  });

  test('a subframe (issue #10 item 3): engagement counts once it is known not to be an ad frame; in an ad frame it does not', async () => {
    for (const isAd of [false, true]) {
      const fake = fakePorts(families({ ads: false, darkPatterns: false }));
      let asked = 0;
      start(fake, { frameIsAd: async () => (asked++, isAd) });
      await settle();
      expect(asked).toBe(1);
      trustedClick(document.getElementById('b')!);
      await settle();
      expect(fake.calls, `ad frame ${isAd}`).toEqual(isAd ? [] : ['engagement']);
      stop?.();
      stop = null;
    }
  });

  test('every family off: nothing at all', async () => {
    const fake = fakePorts(families({ ads: false, darkPatterns: false, engagement: false }));
    start(fake);
    await settle();
    trustedClick(document.getElementById('b')!);
    await settle();
    expect(fake.calls).toEqual([]);
    expect(passRuns).toEqual({ ads: 0, darkPatterns: 0 });
  });

  test('engagement off: no engagement watcher, no engagement message; the scan runs', async () => {
    const listen = vi.spyOn(window, 'addEventListener');
    const fake = fakePorts(families({ engagement: false }));
    start(fake);
    await vi.waitFor(() => expect(fake.findings).toHaveLength(2), { timeout: 3000 });
    trustedClick(document.getElementById('b')!);
    await settle();
    expect(fake.calls).not.toContain('engagement');
    // watchEngagement listens for clicks, input and submits; nothing else here does.
    expect(listen.mock.calls.map(([type]) => type)).not.toContain('click');
    listen.mockRestore();
  });

  test('ads off: only the dark-pattern pass runs, and frame sources are not asked about', async () => {
    const fake = fakePorts(families({ ads: false }));
    start(fake);
    await vi.waitFor(() => expect(fake.findings.map((f) => f.kind)).toEqual(['dark-pattern']), { timeout: 3000 });
    await settle();
    expect(passRuns.ads).toBe(0);
    expect(fake.calls).not.toContain('classify-urls');
    expect(fake.calls).not.toContain('list-selectors');
  });

  test('EasyList off in the answer: its selectors are never asked for; turned on, they are', async () => {
    const fake = fakePorts({ ...ON, lists: false });
    start(fake);
    await vi.waitFor(() => expect(fake.findings).toHaveLength(2), { timeout: 3000 });
    await settle();
    expect(fake.calls).toContain('classify-texts');
    expect(fake.calls).not.toContain('list-selectors');
    // Their code is loaded only now (lib/content/on-demand.ts), and once.
    expect(fake.calls).not.toContain('load-list-selectors');
    fake.change({ ...ON, lists: true });
    await vi.waitFor(() => expect(fake.calls).toContain('list-selectors'), { timeout: 3000 });
    expect(fake.calls.filter((c) => c === 'load-list-selectors')).toHaveLength(1);
    expect(fake.calls.indexOf('load-list-selectors')).toBeLessThan(fake.calls.indexOf('list-selectors'));
  });

  test('a family turned on later is looked for then; what was reported already is not reported again', async () => {
    const fake = fakePorts(families({ darkPatterns: false }));
    start(fake);
    await vi.waitFor(() => expect(fake.findings.map((f) => f.kind)).toEqual(['ad']), { timeout: 3000 });
    expect(passRuns.darkPatterns).toBe(0);
    fake.change(ON);
    await vi.waitFor(() => expect(fake.findings.map((f) => f.kind)).toEqual(['ad', 'dark-pattern']), { timeout: 3000 });
    await settle();
    expect(fake.findings).toHaveLength(2);
  });

  test('a family turned off stops running and its queued reports are not sent', async () => {
    const fake = fakePorts(ON);
    start(fake);
    await vi.waitFor(() => expect(fake.findings).toHaveLength(2), { timeout: 3000 });
    fake.change(families({ ads: false }));
    await settle();
    const adRuns = passRuns.ads;
    document.body.insertAdjacentHTML('beforeend', '<div data-ad id="late"></div><p data-dp id="dp2">Hurry</p>');
    await vi.waitFor(() => expect(fake.findings.map((f) => f.kind)).toEqual(['ad', 'dark-pattern', 'dark-pattern']), { timeout: 3000 });
    await settle();
    expect(passRuns.ads).toBe(adRuns);
    expect(fake.findings).toHaveLength(3);
  });
});

describe('subframes', () => {
  test('an ad frame is asked about only once ads are to be looked for, and then is not searched for ads', async () => {
    const fake = fakePorts(families({ ads: false }));
    const frameIsAd = vi.fn(async () => true);
    start(fake, { frameIsAd, countEngagement: false });
    await vi.waitFor(() => expect(fake.findings.map((f) => f.kind)).toEqual(['dark-pattern']), { timeout: 3000 });
    expect(frameIsAd).not.toHaveBeenCalled();
    fake.change(ON);
    await vi.waitFor(() => expect(frameIsAd).toHaveBeenCalledTimes(1));
    await settle();
    expect(passRuns.ads).toBe(0);
    expect(fake.findings.map((f) => f.kind)).toEqual(['dark-pattern']);
  });

  test('a frame that is not an ad is searched for ads once it knows', async () => {
    const fake = fakePorts(ON);
    start(fake, { frameIsAd: async () => false, countEngagement: false });
    await vi.waitFor(() => expect(fake.findings.map((f) => f.kind).sort()).toEqual(['ad', 'dark-pattern']), { timeout: 3000 });
  });
});

describe('the settings answer', () => {
  test('no answer: nothing runs, and it asks again', async () => {
    const fake = fakePorts(null);
    start(fake);
    await settle();
    expect(fake.calls).toEqual([]);
    fake.answer(ON);
    await vi.waitFor(() => expect(fake.findings).toHaveLength(2), { timeout: 3000 });
    expect(fake.asked).toBe(2);
  });

  test.each([
    { name: 'undefined', raw: undefined },
    { name: 'null', raw: null },
    { name: 'a string', raw: 'paused' },
    { name: 'paused missing', raw: { families: ON.families } },
    { name: 'paused a string', raw: { ...ON, paused: 'no' } },
    { name: 'families missing', raw: { paused: false } },
    { name: 'one family missing', raw: { paused: false, families: { ads: true, darkPatterns: true } } },
    { name: 'one family a number', raw: { paused: false, families: { ...ON.families, ads: 1 } } },
  ])('$name is not understood', ({ raw }) => {
    expect(parseContentSettings(raw)).toBeNull();
  });

  test('a valid answer is kept, without extra fields', () => {
    expect(parseContentSettings({ ...PAUSED, extra: 1, families: { ...PAUSED.families, x: true } })).toEqual(PAUSED);
  });
});

describe('"Show on page"', () => {
  test('is loaded on the first request to show one of this frame\'s units, not before; requests apply in order; a clear first loads nothing', async () => {
    const fake = fakePorts(ON);
    start(fake);
    await settle();
    expect(fake.calls).not.toContain('load-highlighter');
    fake.highlight(null);
    // A request for units of another frame (every frame of the tab hears it): nothing to load here.
    fake.highlight([{ unitId: 'another-frame-1', label: 'Ad' }]);
    await settle();
    expect(fake.calls).not.toContain('load-highlighter');
    const unit = fake.findings.find((f) => f.kind === 'dark-pattern');
    expect(unit).toBeDefined();
    fake.highlight([{ unitId: unit!.unitId, label: 'Countdown' }]);
    fake.highlight(null);
    fake.highlight([{ unitId: unit!.unitId, label: 'Countdown' }, { unitId: 'no-such-unit', label: 'gone' }]);
    await settle();
    expect(fake.calls.filter((c) => c === 'load-highlighter')).toHaveLength(1);
    expect(fake.shown).toEqual(['show:dp1', 'clear', 'show:dp1']);
  });
});
