/**
 * Dark-pattern types and categories (Mathur et al. 2019, plus consent and attention patterns):
 * the small, zod-free part of the taxonomy that detectors need. The words for the person
 * (labels, explanations, sources) are in taxonomy.ts, which only extension pages load.
 */

export const CATEGORIES = [
  'sneaking',
  'urgency',
  'misdirection',
  'social-proof',
  'scarcity',
  'obstruction',
  'forced-action',
  'consent',
  'attention',
] as const;
export type CategoryId = (typeof CATEGORIES)[number];

export const PATTERN_TYPES = [
  // Sneaking
  'sneak-into-basket',
  'hidden-costs',
  'hidden-subscription',
  // Urgency
  'countdown-timer',
  'limited-time-message',
  // Misdirection
  'confirmshaming',
  'visual-interference',
  'trick-question',
  'pressured-selling',
  // Social proof
  'activity-notification',
  'testimonials-uncertain-origin',
  // Scarcity
  'low-stock-message',
  'high-demand-message',
  // Obstruction
  'hard-to-cancel',
  // Forced action
  'forced-enrollment',
  // Consent
  'consent-no-reject',
  'reject-less-prominent',
  'preticked-purposes',
  // Attention
  'nagging-overlay',
  'notification-without-gesture',
  'autoplay-next',
  'endless-feed',
] as const;
export type PatternType = (typeof PATTERN_TYPES)[number];

/** The category of each type. taxonomy.test.ts checks it against the taxonomy's own entries. */
export const CATEGORY_OF: Readonly<Record<PatternType, CategoryId>> = {
  'sneak-into-basket': 'sneaking',
  'hidden-costs': 'sneaking',
  'hidden-subscription': 'sneaking',
  'countdown-timer': 'urgency',
  'limited-time-message': 'urgency',
  'confirmshaming': 'misdirection',
  'visual-interference': 'misdirection',
  'trick-question': 'misdirection',
  'pressured-selling': 'misdirection',
  'activity-notification': 'social-proof',
  'testimonials-uncertain-origin': 'social-proof',
  'low-stock-message': 'scarcity',
  'high-demand-message': 'scarcity',
  'hard-to-cancel': 'obstruction',
  'forced-enrollment': 'forced-action',
  'consent-no-reject': 'consent',
  'reject-less-prominent': 'consent',
  'preticked-purposes': 'consent',
  'nagging-overlay': 'attention',
  'notification-without-gesture': 'attention',
  'autoplay-next': 'attention',
  'endless-feed': 'attention',
};

/** Types a text rule can show (taxonomy `detectableFrom` includes `text`; checked by a test). */
export const TEXT_DETECTABLE_TYPES: readonly PatternType[] = [
  'sneak-into-basket',
  'hidden-costs',
  'hidden-subscription',
  'countdown-timer',
  'limited-time-message',
  'confirmshaming',
  'visual-interference',
  'trick-question',
  'pressured-selling',
  'activity-notification',
  'low-stock-message',
  'high-demand-message',
  'hard-to-cancel',
  'forced-enrollment',
  'autoplay-next',
];

/** The key of a type's explanation in the popup: `dark-pattern/<type>`. */
export function explanationIdOf(type: PatternType): string {
  return `dark-pattern/${type}`;
}
