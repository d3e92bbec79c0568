import type { Finding } from '../../core/detector';
import { indexOf } from '../../core/page-index';
import type { DarkPatternContext, DarkPatternDetector } from '../support/context';
import { isHidden, textOf } from '../support/dom';
import { darkPatternFinding, reason } from '../support/finding';
import { labelOf } from '../support/labels';
import { priceOf } from '../support/offer-numbers';
import { wordsIn } from '../support/words';
import { textUnits, UNIT_SOURCES } from '../support/units';

const ID = 'dark-patterns/pressured-selling';
const INPUTS = 'input[type="checkbox" i], input[type="radio" i]';
const MAX_INPUTS = 500;
const MAX_CARDS = 8;

/** The box an upsell heading belongs to: a few levels up, until it holds checkboxes. */
function upsellBox(el: Element): Element | null {
  let node: Element | null = el;
  for (let i = 0; node && i < 4; i++, node = node.parentElement) {
    if (node.localName === 'body') return null;
    if (node.querySelector('input[type="checkbox" i]')) return node;
  }
  return null;
}

/** Whether a box was ticked by the page (the `checked` attribute), enabled, visible. */
function preTicked(input: Element, ctx: DarkPatternContext): boolean {
  const el = input as HTMLInputElement;
  if (el.disabled || !el.hasAttribute('checked')) return false;
  const label = labelOf(el);
  return !isHidden(el, ctx.win) || (label?.label != null && !isHidden(label.label, ctx.win));
}

interface Card {
  el: Element;
  title: string;
  price: number;
}

/** The title of an offer card: its first heading, else its first line. */
function titleOf(card: Element): string {
  const heading = card.querySelector('h1, h2, h3, h4, h5, h6, [class*="title" i], [class*="name" i]');
  return textOf(heading ?? card, { maxChars: 80, maxNodes: 200 }).toLowerCase();
}

const COMBINES = /\s(?:\+|&|and|plus|und|et|y|e|en)\s/;

/**
 * A decoy: two offers at the same price where one is the other plus more ("Print" and "Print +
 * Digital" both at $125), which makes the bundle look like a bargain (Ariely's Economist offer).
 */
function decoyIn(cards: readonly Card[]): { decoy: Card; target: Card } | null {
  for (const a of cards) {
    for (const b of cards) {
      if (a === b || !COMBINES.test(` ${b.title} `)) continue;
      if (Math.abs(a.price - b.price) > Math.max(0.01, b.price * 0.01)) continue;
      const parts = b.title.split(COMBINES).map((p) => p.trim());
      if (parts.length >= 2 && parts.includes(a.title.trim())) return { decoy: a, target: b };
    }
  }
  return null;
}

/**
 * Pressured selling (Mathur et al. 2019): nudging toward the dearer option or an add-on.
 *
 * - **pre-ticked upsell**: a "frequently bought together" or "add all to cart" box whose add-ons
 *   are ticked in advance (a "customers also viewed" row that ticks nothing stays quiet);
 * - **dearer tier chosen for you**: a radio group of priced options (compared per month) whose
 *   option ticked in advance is not the cheapest; donation and tip amounts are not tiers;
 * - **decoy pricing**: sibling offers where one costs the same as a bundle that contains it.
 */
export const pressuredSelling: DarkPatternDetector = {
  id: ID,
  version: 1,
  types: ['pressured-selling'],
  description: 'Upsell boxes with add-ons ticked in advance, a dearer price tier selected by default, and decoy offers priced like the bundle that holds them.',
  sources: { ...UNIT_SOURCES, tags: ['input'] },
  detect(root: ParentNode, ctx: DarkPatternContext): Finding[] {
    const findings: Finding[] = [];
    const inputs = indexOf(root, ctx).select(INPUTS, { tags: ['input'] }, MAX_INPUTS);
    const units = textUnits(root, ctx);

    // Pre-ticked upsells.
    const boxes = new Set<Element>();
    for (const unit of units) {
      if (unit.text.length > 200) continue;
      const upsell = wordsIn(ctx, unit.text)?.upsell;
      if (!upsell) continue;
      const box = upsellBox(unit.el);
      if (!box || boxes.has(box) || isHidden(box, ctx.win)) continue;
      boxes.add(box);
      const ticked = inputs.filter((i) => box.contains(i) && i.matches('input[type="checkbox" i]') && preTicked(i, ctx));
      if (ticked.length === 0) continue;
      const labels = ticked.map((t) => labelOf(t)?.text ?? '').filter(Boolean);
      findings.push(
        darkPatternFinding(ID, box, 'pressured-selling', ticked.length >= 2 ? 0.8 : 0.7, `${unit.text} | ${labels.join(', ')}`, [
          reason('pressured-selling/upsell-preticked', `"${upsell}" with ${ticked.length} add-on(s) ticked in advance`),
        ]),
      );
    }

    // A dearer tier ticked in advance.
    const groups = new Map<string, Element[]>();
    for (const input of inputs) {
      if (!input.matches('input[type="radio" i]')) continue;
      const name = input.getAttribute('name');
      if (!name) continue;
      const form = input.closest('form');
      const key = `${form ? 'f' : 'd'}:${name}`;
      const list = groups.get(key) ?? [];
      if (list.length < 12) list.push(input);
      groups.set(key, list);
    }
    for (const [key, radios] of groups) {
      if (radios.length < 2) continue;
      const options = radios.map((r) => {
        const label = labelOf(r);
        return { el: r, label, price: label ? priceOf(label.text) : null };
      });
      if (options.some((o) => o.price === null)) continue;
      const chosen = options.filter((o) => (o.el as HTMLInputElement).hasAttribute('checked') && !(o.el as HTMLInputElement).disabled);
      if (chosen.length !== 1) continue;
      const pick = chosen[0]!;
      // A donation or tip amount is not a tier (not known yet: no verdict this round).
      const notTier = wordsIn(ctx, `${key} ${options.map((o) => o.label!.text).join(' ')}`);
      if (!notTier || notTier.notTier) continue;
      const cheapest = Math.min(...options.map((o) => o.price!));
      if (pick.price! <= cheapest * 1.001) continue;
      if (isHidden(pick.el, ctx.win) && (!pick.label?.label || isHidden(pick.label.label, ctx.win))) continue;
      const card = pick.label?.label ?? pick.el;
      const featured = wordsIn(ctx, textOf(card, { maxChars: 300, maxNodes: 300 }))?.featured;
      findings.push(
        darkPatternFinding(ID, card, 'pressured-selling', featured ? 0.8 : 0.7, pick.label!.text, [
          reason('pressured-selling/dearer-default', `ticked in advance: ${pick.price!.toFixed(2)} of ${options.length} options from ${cheapest.toFixed(2)} (per month)`),
          ...(featured ? [reason('pressured-selling/badge', `"${featured}"`)] : []),
        ]),
      );
    }

    // Decoy offers: sibling cards with one price each.
    const seen = new Set<Element>();
    for (const unit of units) {
      if (unit.text.length > 80 || priceOf(unit.text) === null) continue;
      let node: Element | null = unit.el;
      for (let depth = 0; node && depth < 4; depth++, node = node.parentElement) {
        const group = node.parentElement;
        if (!group || group.localName === 'body') break;
        // Each group is looked at once, whatever it held (a product grid has many prices per card).
        if (seen.has(group)) break;
        seen.add(group);
        const n = group.childElementCount;
        if (n < 3 || n > MAX_CARDS) continue;
        const cards: Card[] = [];
        for (let child = group.firstElementChild; child; child = child.nextElementSibling) {
          const price = priceOf(textOf(child, { maxChars: 300, maxNodes: 300 }));
          if (price !== null) cards.push({ el: child, title: titleOf(child), price });
        }
        if (cards.length < 3) continue;
        const decoy = decoyIn(cards);
        if (decoy && !isHidden(group, ctx.win)) {
          findings.push(
            darkPatternFinding(ID, decoy.decoy.el, 'pressured-selling', 0.7, `${decoy.decoy.title} ${decoy.decoy.price} | ${decoy.target.title} ${decoy.target.price}`, [
              reason('pressured-selling/decoy', `"${decoy.decoy.title}" costs as much as "${decoy.target.title}", which includes it`),
            ]),
          );
        }
        break;
      }
    }
    return findings;
  },
};
