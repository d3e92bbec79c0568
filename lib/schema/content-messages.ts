import { z } from 'zod/mini';
import {
  LIST_NAME,
  MAX_ACTS_PER_MESSAGE,
  MAX_FINDINGS_PER_MESSAGE,
  MAX_LIST_HREF_CHARS,
  MAX_LIST_HREFS_PER_MESSAGE,
  MAX_LIST_NAMES_PER_MESSAGE,
  MAX_TEXT_CHARS,
  MAX_TEXTS_PER_MESSAGE,
  MAX_URLS_PER_MESSAGE,
} from '../message-limits';
import { nonNegativeInt, reason } from './common';
import { MAX_INITIATOR_TYPE_CHARS, MAX_RESOURCE_ENTRIES_PER_MESSAGE, MAX_RESOURCE_URL_CHARS } from './resource-timing-limits';
import { engagementAction } from './events';

/**
 * Content script → background: the part of the message catalogue (lib/messages.ts) the content side
 * and the families share, at the bottom layer (ARCHITECTURE.md, "Layers"): the content script
 * bundles no zod, so its code imports only the types; the background parses with these schemas.
 */

/** A string of at most `max` characters. */
export const boundedText = (max: number) => z.string().check(z.maxLength(max));

export const engagementAct = z.object({
  action: engagementAction,
  /** Epoch milliseconds when the act happened in the page. */
  at: z.number().check(z.gte(0)),
  target: z.object({
    tag: z.string().check(z.maxLength(32)),
    role: z.nullable(z.string().check(z.maxLength(32))),
  }),
});
export type EngagementAct = z.infer<typeof engagementAct>;

/** An ad unit or dark pattern a content script found; the background adds provenance. */
export const findingReport = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ad'),
    /** Unique within the page for the unit; impressions refer to it. */
    unitId: boundedText(80).check(z.minLength(1)),
    phase: z.enum(['rendered', 'impression']),
    detectorId: boundedText(80),
    network: z.nullable(boundedText(80)),
    locator: boundedText(200),
    reasons: z.array(reason).check(z.maxLength(16)),
  }),
  z.object({
    kind: z.literal('dark-pattern'),
    unitId: boundedText(80).check(z.minLength(1)),
    detectorId: boundedText(80),
    category: boundedText(40),
    type: boundedText(60),
    confidence: z.number().check(z.gte(0), z.lte(1)),
    evidence: boundedText(200),
    locator: boundedText(200),
    explanationId: boundedText(60),
    reasons: z.array(reason).check(z.maxLength(16)),
  }),
]);
export type FindingReport = z.infer<typeof findingReport>;

/**
 * A request the page's Resource Timing entries show (ARCHITECTURE.md, "Requests Beaker did not see"):
 * its URL (http or https, without its fragment), the entry's `initiatorType`, and when it started
 * (epoch milliseconds: the page's time origin plus the entry's `startTime`).
 */
export const resourceEntry = z.object({
  url: boundedText(MAX_RESOURCE_URL_CHARS).check(z.minLength(1)),
  initiator: boundedText(MAX_INITIATOR_TYPE_CHARS),
  at: z.number().check(z.gte(0)),
});
export type ResourceEntry = z.infer<typeof resourceEntry>;

/** Content script → background. */
export const contentMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('engagement'),
    acts: z.array(engagementAct).check(z.minLength(1), z.maxLength(MAX_ACTS_PER_MESSAGE)),
  }),
  z.object({
    type: z.literal('findings'),
    findings: z.array(findingReport).check(z.minLength(1), z.maxLength(MAX_FINDINGS_PER_MESSAGE)),
  }),
  z.object({
    /**
     * Requests this document's Resource Timing entries show, each URL once per document, at most
     * MAX_RESOURCE_URLS_PER_DOCUMENT: the background records those it has no webRequest record of.
     * `capped`: URLs left out over that cap since the last report; `overflowed`: the page's buffer
     * was full before the content script started, so earlier entries may be gone.
     */
    type: z.literal('resource-timing'),
    entries: z.array(resourceEntry).check(z.maxLength(MAX_RESOURCE_ENTRIES_PER_MESSAGE)),
    capped: nonNegativeInt,
    overflowed: z.boolean(),
  }),
  z.object({
    /** TrackerDB verdicts for the sources of frames, images and scripts (ad-host detection). */
    type: z.literal('classify-urls'),
    urls: z.array(boundedText(2048)).check(z.minLength(1), z.maxLength(MAX_URLS_PER_MESSAGE)),
  }),
  z.object({
    /** Text-classifier facts for page strings (the rules live in the background, not the page). */
    type: z.literal('classify-texts'),
    lang: z.nullable(boundedText(16)),
    texts: z.array(boundedText(MAX_TEXT_CHARS)).check(z.minLength(1), z.maxLength(MAX_TEXTS_PER_MESSAGE)),
  }),
  z.object({
    /**
     * What this frame may do, asked once at start and again when the settings change: answered with
     * `ContentSettings` for the page's site (the top frame's `url`; a subframe's tab's page). The
     * content script scans nothing before it has the answer.
     */
    type: z.literal('get-content-settings'),
    url: boundedText(2048),
  }),
  z.object({
    /**
     * EasyList element-hiding selectors that may match this document (lib/ads/lists/), answered with a
     * `ListAnswer`. `site`: also the rules that depend on the address alone (the site's own rules,
     * and generic rules no class, id or link narrows), asked once per document.
     */
    type: z.literal('list-selectors'),
    /** The asking frame's address: list rules are per document, not per tab. */
    url: boundedText(2048),
    site: z.boolean(),
    classes: z.array(z.string().check(z.regex(LIST_NAME))).check(z.maxLength(MAX_LIST_NAMES_PER_MESSAGE)),
    ids: z.array(z.string().check(z.regex(LIST_NAME))).check(z.maxLength(MAX_LIST_NAMES_PER_MESSAGE)),
    hrefs: z.array(boundedText(MAX_LIST_HREF_CHARS)).check(z.maxLength(MAX_LIST_HREFS_PER_MESSAGE)),
  }),
]);
export type ContentMessage = z.infer<typeof contentMessage>;
export type ListSelectorsMessage = Extract<ContentMessage, { type: 'list-selectors' }>;

/**
 * What `list-selectors` answers. `off`: the setting is off (or no list could be had), ask no more
 * on this page; `loading`: the list is being fetched or parsed, ask again with the next batch.
 */
export interface ListAnswer {
  state: 'off' | 'loading' | 'ready';
  selectors: string[];
}

/**
 * What `get-content-settings` answers: whether the page's site is paused and which detector
 * families are on. Checked by hand in the content script (lib/content/start-content.ts), which
 * bundles no zod.
 */
export interface ContentSettings {
  paused: boolean;
  families: { ads: boolean; darkPatterns: boolean; engagement: boolean };
  /** EasyList's element-hiding rules are on: only then does the content script ask `list-selectors`. */
  lists?: boolean;
}

