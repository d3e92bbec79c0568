import { cap } from '../../text';
import type { Reason } from '../../schema/common';
import type { AdFinding, Detector, DetectorContext } from '../../core/detector';
import { append, attr, documentOf, isElement, isInside, queryAll, queryFirst } from '../../core/safe-dom';
import { iabSizeDetail, isHiddenInline, isTiny, measure } from './unit-geometry';

/** A markup example a detector must fire on (`count` units), run by the table-driven tests. */
export interface AdRuleExample {
  html: string;
  count: number;
  /** Page URL the snippet is classified against (first/third party); a news site by default. */
  pageUrl?: string;
  /** `ctx.listSelectors` for the snippet (ads/list-selector): what the background would send. */
  listSelectors?: readonly string[];
}

/** Markup a detector must not fire on, with the false positive it stands for. */
export interface AdRuleCounterExample {
  html: string;
  why: string;
  listSelectors?: readonly string[];
}

/**
 * An ad detector: the `Detector` contract, returning ad findings, with its own examples and
 * counter-examples (ARCHITECTURE.md: rules are data; each carries what it catches and what it must not).
 */
export interface AdDetector extends Detector {
  detect(root: ParentNode, ctx: DetectorContext): AdFinding[];
  examples: readonly AdRuleExample[];
  counterExamples: readonly AdRuleCounterExample[];
}

/** A reason whose rule names the detector and its version: `ads/gpt-slot@1/slot-div`. */
export function adReason(detector: Pick<Detector, 'id' | 'version'>, rule: string, detail: string): Reason {
  return { rule: `${detector.id}@${detector.version}/${rule}`.slice(0, 80), detail: cap(detail) };
}

/** One finding per element per detector: a later rule on the same element adds its reason. */
export class FindingList {
  readonly findings: AdFinding[] = [];
  private readonly byElement = new Map<Element, AdFinding>();

  constructor(private readonly detector: Pick<Detector, 'id' | 'version'>) {}

  add(element: Element, network: string | null, rule: string, detail: string): AdFinding {
    const reasonToAdd = adReason(this.detector, rule, detail);
    const existing = this.byElement.get(element);
    if (existing !== undefined) {
      append(existing.reasons, reasonToAdd);
      if (existing.network === null) existing.network = network;
      return existing;
    }
    const finding: AdFinding = { kind: 'ad', detectorId: this.detector.id, element, network, reasons: [reasonToAdd] };
    this.byElement.set(element, finding);
    append(this.findings, finding);
    return finding;
  }

  /** Adds the IAB-size reason for `sized` (the frame or image) when it has one. */
  addSize(element: Element, sized: Element): void {
    const detail = iabSizeDetail(sized);
    const existing = this.byElement.get(element);
    if (detail !== null && existing !== undefined) append(existing.reasons, adReason(this.detector, 'iab-size', detail));
  }
}

/** Shown to the person: neither hidden by inline markup nor a known size of 2 px or less. */
export function isShown(el: Element): boolean {
  return !isHiddenInline(el) && !isTiny(measure(el));
}

/** The first shown frame inside `el` (not `el` itself), or null: the sign that a slot was filled. */
export function shownFrameIn(el: Element): Element | null {
  const frames = queryAll(el, 'iframe', false);
  for (let i = 0; i < frames.length; i++) {
    const frame = frames[i]!;
    if (isShown(frame)) return frame;
  }
  return null;
}

/** `el` has rendered creative content: a shown frame, or an image or link. */
export function hasCreative(el: Element): boolean {
  return shownFrameIn(el) !== null || queryFirst(el, 'img, picture, video, a[href]') !== null;
}

/**
 * The base URL relative sources resolve against, read once per scan: `baseURI` looks for a `<base>`
 * element on every read (a search of the whole document in happy-dom, which made a 200k-node page
 * quadratic when read per image).
 */
export function baseUrlOf(root: ParentNode): string | null {
  const doc = documentOf(root);
  try {
    return doc?.baseURI ?? null;
  } catch {
    return null;
  }
}

/** Absolute http(s) URL of `raw` resolved against `base` (from `baseUrlOf`), or null. */
export function absoluteUrl(raw: string | null, base: string | null): string | null {
  if (raw === null) return null;
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  try {
    const url = base ? new URL(trimmed, base) : new URL(trimmed);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** `host` is `domain` or one of its subdomains (never a substring match: `notcriteo.com`). */
export function isHostUnder(host: string | null, domain: string): boolean {
  return host !== null && (host === domain || host.endsWith(`.${domain}`));
}

/** The element's `src` (or `data` for `<object>`) host, when it is under one of `domains`. */
export function sourceHostUnder(el: Element, domains: readonly string[], base: string | null): string | null {
  const raw = attr(el, 'src') ?? attr(el, 'data');
  if (raw === null) return null;
  // Cheap text test first: most sources on a page are not from these hosts.
  let mentioned = false;
  for (let i = 0; i < domains.length && !mentioned; i++) mentioned = raw.toLowerCase().indexOf(domains[i]!) !== -1;
  if (!mentioned) return null;
  const url = absoluteUrl(raw, base);
  const host = url === null ? null : hostOf(url);
  for (let i = 0; i < domains.length; i++) if (isHostUnder(host, domains[i]!)) return host;
  return null;
}

/** The nearest `a[href]` at most `levels` up from `el`, without leaving `root`. */
export function enclosingLink(el: Element, root: ParentNode, levels: number): Element | null {
  let n: Node | null = el;
  for (let i = 0; i <= levels && n !== null; i++) {
    if (isElement(n) && n.localName === 'a' && attr(n, 'href') !== null) return n;
    if (n === root) return null;
    n = n.parentNode;
  }
  return null;
}

/** Below this side, an image from an ad host is an icon (AdChoices), a spacer or a pixel. */
export const MIN_CREATIVE_SIDE = 50;

/**
 * The unit an image served from an ad host stands for, or null when it is not a creative: its
 * click-through link (an ad image is clickable), or the image itself when it is at least 50×50. An
 * image with a known side under 50 px is an AdChoices icon or a pixel; an unlinked image of unknown
 * size is a pixel nobody sized.
 */
export function creativeImageUnit(img: Element, root: ParentNode): Element | null {
  const size = measure(img);
  if ((size.width !== null && size.width < MIN_CREATIVE_SIDE) || (size.height !== null && size.height < MIN_CREATIVE_SIDE)) return null;
  const link = enclosingLink(img, root, 3);
  if (link !== null) return link;
  return size.width !== null && size.height !== null ? img : null;
}

/** `el` is inside `root` (or is it), for findings that must not leave the scanned subtree. */
export function withinRoot(el: Element, root: ParentNode): boolean {
  return isInside(el, root as Node);
}
