/**
 * Ad impressions by the IAB/MRC display viewability rule: at least 50 % of the unit's pixels in
 * view (30 % for large units) for at least one continuous second, while the page is visible.
 * Each element counts once.
 */
export const VIEWABLE_RATIO = 0.5;
export const VIEWABLE_MS = 1000;
/** MRC: units over 242,500 px² (a 970×250 billboard) need only 30 % in view. */
export const LARGE_AD_AREA = 242_500;
export const LARGE_AD_RATIO = 0.3;

export function requiredRatio(width: number, height: number): number {
  return width * height > LARGE_AD_AREA ? LARGE_AD_RATIO : VIEWABLE_RATIO;
}

export interface ImpressionWatcher {
  observe(el: Element): void;
  disconnect(): void;
}

export function watchImpressions(win: Window, onImpression: (el: Element) => void): ImpressionWatcher {
  const timers = new Map<Element, number>();
  const inView = new Set<Element>();
  const seen = new WeakSet<Element>();
  const doc = win.document;

  const start = (el: Element) => {
    if (seen.has(el) || timers.has(el) || doc.visibilityState !== 'visible') return;
    timers.set(
      el,
      win.setTimeout(() => {
        timers.delete(el);
        if (!inView.has(el) || doc.visibilityState !== 'visible') return;
        seen.add(el);
        observer.unobserve(el);
        inView.delete(el);
        onImpression(el);
      }, VIEWABLE_MS),
    );
  };
  const stop = (el: Element) => {
    const timer = timers.get(el);
    if (timer !== undefined) win.clearTimeout(timer);
    timers.delete(el);
  };

  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const { width, height } = entry.boundingClientRect;
        if (entry.isIntersecting && entry.intersectionRatio >= requiredRatio(width, height) - 0.001) {
          inView.add(entry.target);
          start(entry.target);
        } else {
          inView.delete(entry.target);
          stop(entry.target);
        }
      }
    },
    { threshold: [0, LARGE_AD_RATIO, VIEWABLE_RATIO, 1] },
  );
  // A hidden tab pauses the second; coming back restarts it for what is still in view.
  const onVisibility = () => {
    if (doc.visibilityState === 'visible') for (const el of inView) start(el);
    else for (const el of [...timers.keys()]) stop(el);
  };
  doc.addEventListener('visibilitychange', onVisibility);
  return {
    observe: (el) => {
      if (!seen.has(el)) observer.observe(el);
    },
    disconnect: () => {
      observer.disconnect();
      for (const el of [...timers.keys()]) stop(el);
      doc.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
