import { plural, t } from '../i18n/i18n';

/**
 * The badge shows the page's targeted count (empty when zero). Its colour steps with the count,
 * never with a guess about intent (ARCHITECTURE.md): grey, then amber, orange, red.
 */
export const BADGE_STEPS: readonly { from: number; color: string }[] = [
  { from: 50, color: '#b91c1c' },
  { from: 20, color: '#c2410c' },
  { from: 5, color: '#b45309' },
  { from: 1, color: '#4b5563' },
];

export function badgeFor(targeted: number): { text: string; color: string } {
  if (!(targeted > 0)) return { text: '', color: '#4b5563' };
  const text = targeted > 999 ? '999+' : String(Math.floor(targeted));
  const color = BADGE_STEPS.find((s) => targeted >= s.from)?.color ?? '#4b5563';
  return { text, color };
}

/** The toolbar button's title (its tooltip and accessible name), in the browser's language. */
export function badgeTitle(targeted: number, paused: boolean): string {
  if (paused) return t('badge_title_paused');
  if (!(targeted > 0)) return t('badge_title_none');
  return plural('badge_title', Math.floor(targeted));
}

export interface BadgeAction {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setTitle?(details: { tabId: number; title: string }): Promise<void>;
}

export interface BadgeDeps {
  action: BadgeAction;
  /** The tab's current visit and counts (the record passed in may be stale by the time it runs). */
  current(tabId: number): { site: string; targeted: number } | null;
  isPaused(site: string): boolean;
  delayMs?: number;
}

/** Badge updates per tab, coalesced: one update per tab per 40 ms, with the counts of that moment. */
export function createBadgeUpdater(deps: BadgeDeps): (tabId: number) => void {
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  return (tabId) => {
    if (timers.has(tabId)) return;
    timers.set(
      tabId,
      setTimeout(() => {
        timers.delete(tabId);
        const visit = deps.current(tabId);
        const paused = visit !== null && deps.isPaused(visit.site);
        const badge = badgeFor(visit && !paused ? visit.targeted : 0);
        // The tab may be gone by now; a failed badge update is harmless.
        deps.action.setBadgeText({ tabId, text: badge.text }).catch(() => undefined);
        deps.action.setBadgeBackgroundColor({ tabId, color: badge.color }).catch(() => undefined);
        deps.action.setTitle?.({ tabId, title: badgeTitle(visit && !paused ? visit.targeted : 0, paused) }).catch(() => undefined);
      }, deps.delayMs ?? 40),
    );
  };
}
