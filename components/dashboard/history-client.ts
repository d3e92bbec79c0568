import { browser } from 'wxt/browser';
import type { z } from 'zod/mini';
import {
  HISTORY_SPANS,
  deleteAnswer,
  evidenceAnswer,
  historyOverview,
  historyPlot,
  historySiteAnswer,
  type DeleteAnswer,
  type EvidenceCount,
  type EvidencePage,
  type HistoryOverview,
  type HistoryPlot,
  type HistorySiteAnswer,
  type HistorySpan,
} from '@/lib/history-messages';
import { t } from '@/lib/i18n/i18n';

/**
 * The dashboard's side of its messages (ARCHITECTURE.md, "History dashboard"): every answer comes
 * from the background, the only reader of the log, and is parsed with its schema before a view
 * sees it. The dashboard never opens IndexedDB.
 */

async function ask<T>(schema: z.ZodMiniType<T>, message: Record<string, unknown>): Promise<T> {
  const answer: unknown = await browser.runtime.sendMessage(message);
  const parsed = schema.safeParse(answer);
  if (!parsed.success) throw new Error(t('popup_bad_answer'));
  return parsed.data;
}

export const loadOverview = (span: HistorySpan): Promise<HistoryOverview> => ask(historyOverview, { type: 'get-history', span });

/** The overview's first paint: the series and the ranking alone (the rest follows with `loadOverview`). */
export const loadPlot = (span: HistorySpan): Promise<HistoryPlot> => ask(historyPlot, { type: 'get-history-plot', span });

export const loadSite = (site: string, span: HistorySpan): Promise<HistorySiteAnswer> => ask(historySiteAnswer, { type: 'get-history-site', site, span });

export interface EvidenceTarget {
  site: string | null;
  from: string;
  to: string;
  count: EvidenceCount;
  /** A company's number: only the requests to this organization (with `count: 'tracker'`). */
  org?: string;
  /** An ad network's number: only its ads (`null`: of no known network). */
  network?: string | null;
  /** What the person clicked, in words: the panel's title. */
  label: string;
}

export const EVIDENCE_PAGE_SIZE = 50;

export const loadEvidence = (target: EvidenceTarget, offset: number): Promise<EvidencePage> =>
  ask(evidenceAnswer, {
    type: 'get-evidence',
    site: target.site,
    from: target.from,
    to: target.to,
    count: target.count,
    ...(target.org !== undefined ? { org: target.org } : {}),
    ...(target.network !== undefined ? { network: target.network } : {}),
    offset,
    limit: EVIDENCE_PAGE_SIZE,
  });

export const deleteSite = (site: string): Promise<DeleteAnswer> => ask(deleteAnswer, { type: 'delete-site', site });

export const deleteDays = (from: string, to: string): Promise<DeleteAnswer> => ask(deleteAnswer, { type: 'delete-days', from, to });

export async function setSitePaused(site: string, paused: boolean): Promise<void> {
  const answer = (await browser.runtime.sendMessage({ type: 'set-site-paused', site, paused })) as { paused?: boolean } | undefined;
  if (answer?.paused !== paused) throw new Error(t('options_not_confirmed'));
}

/** What the address says to show: `#span=30`, `#site=example.org&span=7`. */
export interface Route {
  span: HistorySpan;
  site: string | null;
}

export function parseRoute(hash: string): Route {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const span = Number(params.get('span'));
  const site = params.get('site');
  return {
    span: (HISTORY_SPANS as readonly number[]).includes(span) ? (span as HistorySpan) : 7,
    site: site && site.length <= 253 ? site : null,
  };
}

export function routeHash(route: Route): string {
  const params = new URLSearchParams();
  if (route.site) params.set('site', route.site);
  params.set('span', String(route.span));
  return `#${params.toString()}`;
}

/** The dashboard page's address for a route (the popup links here). */
export function dashboardUrl(route: Partial<Route> = {}): string {
  return browser.runtime.getURL(`/dashboard.html${routeHash({ span: route.span ?? 7, site: route.site ?? null })}` as '/dashboard.html');
}
