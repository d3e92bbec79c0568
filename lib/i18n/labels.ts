import type { Family } from '../core/family';
import type { TrackerCategory } from '../schema/events';
import { CATEGORY_INFO as TRACKER_CATEGORIES } from '../trackers/categories';
import { CATEGORY_INFO as PATTERN_CATEGORIES, explanationFor } from '../dark-patterns/taxonomy';
import { derivedKey, plural, t, tOr } from './i18n';

/**
 * Words whose English lives in a data module another part owns (the families' descriptors, the
 * dark-pattern taxonomy, TrackerDB's category names): the other locales
 * translate them under keys derived from the id (`dp_<type>_label`, `dp_<type>_explain`,
 * `dpcat_<category>`, `dpcat_<category>_about`, `family_<id>_label`, `family_<id>_description`, `trackercat_<id>`); English, and any id no locale knows yet, come from the module itself.
 * tests/unit/i18n/locales.test.ts derives the same keys from the same modules.
 */
export const familyLabel = (family: Pick<Family, 'id' | 'label'>): string => tOr(derivedKey('family', family.id, 'label'), family.label);
export const familyDescription = (family: Pick<Family, 'id' | 'description'>): string =>
  tOr(derivedKey('family', family.id, 'description'), family.description);

export const trackerCategory = (category: TrackerCategory): string => tOr(derivedKey('trackercat', category), TRACKER_CATEGORIES[category].name);

/** A category id as history and reasons carry it (any string): its name, or the id in words (`site_analytics` → `Site analytics`). */
export function trackerCategoryOf(category: string): string {
  if (category in TRACKER_CATEGORIES) return trackerCategory(category as TrackerCategory);
  const words = category.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function patternCategory(category: string): string {
  const info = (PATTERN_CATEGORIES as Record<string, { label: string } | undefined>)[category];
  return info ? tOr(derivedKey('dpcat', category), info.label) : category;
}

/** What a dark-pattern category is, in a sentence (`dpcat_<category>_about`); empty for a category the taxonomy does not know. */
export function patternCategoryDescription(category: string): string {
  const info = (PATTERN_CATEGORIES as Record<string, { description: string } | undefined>)[category];
  return info ? tOr(derivedKey('dpcat', category, 'about'), info.description) : '';
}

/** The label of a dark-pattern type; an unknown type (a newer record) shows its id. */
export function patternLabel(type: string): string {
  const explanation = explanationFor(type);
  return explanation ? tOr(derivedKey('dp', type, 'label'), explanation.label) : type;
}

/** The plain-words explanation of a dark-pattern type, or null for a type the taxonomy does not know. */
export function patternExplanation(type: string): string | null {
  const explanation = explanationFor(type);
  return explanation ? tOr(derivedKey('dp', type, 'explain'), explanation.text) : null;
}

/** The headline's sentence: how often this page targeted the person for each time they engaged. */
export function ratioInWords(targeted: number, engaged: number): string {
  if (targeted === 0 && engaged === 0) return t('ratio_nothing_yet');
  if (targeted === 0) return t('ratio_nothing');
  if (engaged === 0) return plural('ratio_before', targeted);
  const ratio = targeted / engaged;
  if (ratio < 1) return t('ratio_engaged_more', engaged, targeted);
  const rounded = ratio >= 10 ? Math.round(ratio) : Math.round(ratio * 10) / 10;
  return plural('ratio_per_engaged', rounded);
}
