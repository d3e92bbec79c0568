
/**
 * The dark-pattern taxonomy as data (issue #4, part 1).
 *
 * The seven categories and fifteen types are those of Mathur et al., "Dark Patterns at Scale:
 * Findings from a Crawl of 11K Shopping Websites" (CSCW 2019). Two categories are added for
 * patterns found outside the shop: `consent` (cookie dialogs, after Nouwens et al., "Dark Patterns
 * after the GDPR", CHI 2020) and `attention` (prompts and feeds that hold on to the person, after
 * Gray et al., "The Dark (Patterns) Side of UX Design", CHI 2018, and Monge Roffarello, Lukoff and
 * De Russis, "Defining and Identifying Attention Capture Deceptive Designs", CHI 2023).
 *
 * Explanations are shown to the person in the popup: plain words, what the pattern does to them,
 * no alarm. `detectableFrom` says where evidence can come from: `text` (a text rule in
 * text-rules.ts), `dom` (layout, form state, dialog structure) or `behaviour` (what the page does
 * over time, e.g. a permission prompt before any click).
 */

// The type and category lists (and which category each type is in) live in pattern-types.ts, a
// small module the content script ships; this one adds the words the popup shows.
import { CATEGORIES, CATEGORY_OF, PATTERN_TYPES, TEXT_DETECTABLE_TYPES, type CategoryId, type PatternType } from './pattern-types';

export { CATEGORIES, CATEGORY_OF, PATTERN_TYPES, TEXT_DETECTABLE_TYPES, type CategoryId, type PatternType };

export const EVIDENCE_SOURCES = ['text', 'dom', 'behaviour'] as const;

/** Every explanation key has this shape; the popup looks its text up by it. */
export const EXPLANATION_ID = /^dark-pattern\/[a-z-]+$/;

// The zod schemas of these tables live in schemas.ts (tests validate them): zod stays out of
// the content script, which ships this module.
/** A category of the taxonomy, as the popup and the docs describe it (checked by `categoryInfo` in schemas.ts). */
export interface CategoryInfo {
  label: string;
  description: string;
  source: string;
}

/** A pattern type of the taxonomy (checked by `patternTypeInfo` in schemas.ts). */
export interface PatternTypeInfo {
  category: CategoryId;
  label: string;
  explanationId: string;
  /** One or two sentences for the person, ending with the research that named the pattern. */
  explanation: string;
  /** Who named or measured it, as cited in the explanation. */
  source: string;
  detectableFrom: readonly (typeof EVIDENCE_SOURCES)[number][];
}

export const CATEGORY_INFO = {
  sneaking: {
    label: 'Sneaking',
    description: 'Hiding or delaying information that would change your decision, such as extra costs or a repeating charge.',
    source: 'Mathur et al. 2019',
  },
  urgency: {
    label: 'Urgency',
    description: 'Putting a deadline on a deal so that you decide quickly.',
    source: 'Mathur et al. 2019',
  },
  misdirection: {
    label: 'Misdirection',
    description: 'Using wording, layout or emotion to steer you toward one choice over another.',
    source: 'Mathur et al. 2019',
  },
  'social-proof': {
    label: 'Social proof',
    description: 'Telling you what other people are doing, so that you follow them.',
    source: 'Mathur et al. 2019',
  },
  scarcity: {
    label: 'Scarcity',
    description: 'Saying a product is scarce or in demand, so that it seems more valuable.',
    source: 'Mathur et al. 2019',
  },
  obstruction: {
    label: 'Obstruction',
    description: 'Making one action, such as cancelling, harder than the opposite one.',
    source: 'Mathur et al. 2019',
  },
  'forced-action': {
    label: 'Forced action',
    description: 'Making you do something extra, such as creating an account, to finish what you came for.',
    source: 'Mathur et al. 2019; Gray et al. 2018',
  },
  consent: {
    label: 'Consent',
    description: 'Cookie and tracking dialogs built so that saying yes is easier than saying no.',
    source: 'Nouwens et al. 2020',
  },
  attention: {
    label: 'Attention',
    description: 'Prompts, autoplay and feeds that keep you on the page longer than you meant to stay.',
    source: 'Gray et al. 2018; Monge Roffarello et al. 2023',
  },
} as const satisfies Record<CategoryId, CategoryInfo>;

export const TAXONOMY = {
  'sneak-into-basket': {
    category: 'sneaking',
    label: 'Sneak into basket',
    explanationId: 'dark-pattern/sneak-into-basket',
    explanation:
      'Something was put into your basket that you did not choose, so you may pay for it without noticing. Named by Brignull; measured by Mathur et al. 2019.',
    source: 'Brignull; Mathur et al. 2019',
    detectableFrom: ['text', 'dom'],
  },
  'hidden-costs': {
    category: 'sneaking',
    label: 'Hidden costs',
    explanationId: 'dark-pattern/hidden-costs',
    explanation:
      'Extra fees show up only late in checkout, after you have already decided to buy. Named by Brignull; measured by Mathur et al. 2019.',
    source: 'Brignull; Mathur et al. 2019',
    detectableFrom: ['text', 'dom'],
  },
  'hidden-subscription': {
    category: 'sneaking',
    label: 'Hidden subscription',
    explanationId: 'dark-pattern/hidden-subscription',
    explanation:
      'What looks like a one-off purchase or a free trial becomes a repeating payment unless you cancel in time. Mathur et al. 2019.',
    source: 'Mathur et al. 2019',
    detectableFrom: ['text', 'dom'],
  },
  'countdown-timer': {
    category: 'urgency',
    label: 'Countdown timer',
    explanationId: 'dark-pattern/countdown-timer',
    explanation:
      'A running clock says an offer is about to end, which pushes you to decide fast; such timers are sometimes reset or not real. Mathur et al. 2019.',
    source: 'Mathur et al. 2019',
    detectableFrom: ['text', 'dom', 'behaviour'],
  },
  'limited-time-message': {
    category: 'urgency',
    label: 'Limited-time message',
    explanationId: 'dark-pattern/limited-time-message',
    explanation: 'Says a deal will end soon without saying when, so it feels as if you must decide now. Mathur et al. 2019.',
    source: 'Mathur et al. 2019',
    detectableFrom: ['text'],
  },
  confirmshaming: {
    category: 'misdirection',
    label: 'Confirmshaming',
    explanationId: 'dark-pattern/confirmshaming',
    explanation:
      'The button for saying no is worded to make you feel foolish or guilty for declining. Named by Brignull; measured by Mathur et al. 2019.',
    source: 'Brignull; Mathur et al. 2019',
    detectableFrom: ['text'],
  },
  'visual-interference': {
    category: 'misdirection',
    label: 'Visual interference',
    explanationId: 'dark-pattern/visual-interference',
    explanation:
      'The layout makes one choice stand out and another hard to see, steering you without saying so. Gray et al. 2018 (interface interference); Mathur et al. 2019.',
    source: 'Gray et al. 2018; Mathur et al. 2019',
    // Text too: a choice's own label that says which one to take ("Allow all (recommended)",
    // "Continue without protection (not recommended)"), the text rules' visual-interference.
    detectableFrom: ['dom', 'text'],
  },
  'trick-question': {
    category: 'misdirection',
    label: 'Trick question',
    explanationId: 'dark-pattern/trick-question',
    explanation:
      'Confusing wording, such as a double negative, makes it easy to choose the opposite of what you meant. Named by Brignull; measured by Mathur et al. 2019.',
    source: 'Brignull; Mathur et al. 2019',
    detectableFrom: ['text', 'dom'],
  },
  'pressured-selling': {
    category: 'misdirection',
    label: 'Pressured selling',
    explanationId: 'dark-pattern/pressured-selling',
    explanation:
      'You are nudged toward a dearer option or an add-on, often by suggesting you will be sorry without it. Mathur et al. 2019.',
    source: 'Mathur et al. 2019',
    detectableFrom: ['text', 'dom'],
  },
  'activity-notification': {
    category: 'social-proof',
    label: 'Activity notification',
    explanationId: 'dark-pattern/activity-notification',
    explanation:
      'Messages about what other shoppers are doing right now make a product look popular; you cannot check them, and some are made up. Mathur et al. 2019.',
    source: 'Mathur et al. 2019',
    detectableFrom: ['text'],
  },
  'testimonials-uncertain-origin': {
    category: 'social-proof',
    label: 'Testimonials of uncertain origin',
    explanationId: 'dark-pattern/testimonials-uncertain-origin',
    explanation: 'Customer quotes whose source cannot be traced, so you cannot tell whether they are genuine. Mathur et al. 2019.',
    source: 'Mathur et al. 2019',
    detectableFrom: ['dom'],
  },
  'low-stock-message': {
    category: 'scarcity',
    label: 'Low-stock message',
    explanationId: 'dark-pattern/low-stock-message',
    explanation:
      'Says only a few items are left, so you hurry before they are gone; the count may not be true. Mathur et al. 2019.',
    source: 'Mathur et al. 2019',
    detectableFrom: ['text'],
  },
  'high-demand-message': {
    category: 'scarcity',
    label: 'High-demand message',
    explanationId: 'dark-pattern/high-demand-message',
    explanation: 'Says a product is selling fast or in high demand, so you worry about missing out. Mathur et al. 2019.',
    source: 'Mathur et al. 2019',
    detectableFrom: ['text'],
  },
  'hard-to-cancel': {
    category: 'obstruction',
    label: 'Hard to cancel',
    explanationId: 'dark-pattern/hard-to-cancel',
    explanation:
      'Signing up takes a click but stopping takes a phone call, a letter or a visit. Brignull ("roach motel"); Mathur et al. 2019.',
    source: 'Brignull; Mathur et al. 2019',
    detectableFrom: ['text', 'behaviour'],
  },
  'forced-enrollment': {
    category: 'forced-action',
    label: 'Forced enrollment',
    explanationId: 'dark-pattern/forced-enrollment',
    explanation:
      'You must create an account or accept marketing to do something that should not need it. Mathur et al. 2019; Gray et al. 2018 (forced action).',
    source: 'Mathur et al. 2019; Gray et al. 2018',
    detectableFrom: ['text', 'dom'],
  },
  'consent-no-reject': {
    category: 'consent',
    label: 'No reject button',
    explanationId: 'dark-pattern/consent-no-reject',
    explanation:
      'The cookie dialog offers "accept" on its first screen but no equally quick way to say no. Nouwens et al. 2020.',
    source: 'Nouwens et al. 2020',
    detectableFrom: ['dom'],
  },
  'reject-less-prominent': {
    category: 'consent',
    label: 'Reject less prominent',
    explanationId: 'dark-pattern/reject-less-prominent',
    explanation:
      'Saying no is possible but smaller, paler or further away than saying yes. Nouwens et al. 2020; Gray et al. 2018 (interface interference).',
    source: 'Nouwens et al. 2020; Gray et al. 2018',
    detectableFrom: ['dom'],
  },
  'preticked-purposes': {
    category: 'consent',
    label: 'Pre-ticked purposes',
    explanationId: 'dark-pattern/preticked-purposes',
    explanation:
      'Boxes that allow use of your data were already ticked for you, so doing nothing counts as yes. Nouwens et al. 2020.',
    source: 'Nouwens et al. 2020',
    detectableFrom: ['dom'],
  },
  'nagging-overlay': {
    category: 'attention',
    label: 'Nagging',
    explanationId: 'dark-pattern/nagging-overlay',
    explanation:
      'A prompt keeps coming back over what you are doing until you give in or dismiss it again. Gray et al. 2018 (nagging).',
    source: 'Gray et al. 2018',
    detectableFrom: ['dom', 'behaviour'],
  },
  'notification-without-gesture': {
    category: 'attention',
    label: 'Unasked notification prompt',
    explanationId: 'dark-pattern/notification-without-gesture',
    explanation:
      'The site asked to send you notifications before you did anything to show you wanted them. A form of nagging, Gray et al. 2018.',
    source: 'Gray et al. 2018',
    detectableFrom: ['behaviour'],
  },
  'autoplay-next': {
    category: 'attention',
    label: 'Autoplay next',
    explanationId: 'dark-pattern/autoplay-next',
    explanation:
      'The next video or episode starts by itself, so stopping takes effort and carrying on is the default. Monge Roffarello et al. 2023.',
    source: 'Monge Roffarello et al. 2023',
    detectableFrom: ['text', 'dom', 'behaviour'],
  },
  'endless-feed': {
    category: 'attention',
    label: 'Endless feed',
    explanationId: 'dark-pattern/endless-feed',
    explanation:
      'New items keep loading as you scroll, so there is no natural place to stop. Monge Roffarello et al. 2023 (infinite scroll).',
    source: 'Monge Roffarello et al. 2023',
    detectableFrom: ['dom', 'behaviour'],
  },
} as const satisfies Record<PatternType, PatternTypeInfo>;

/** Types a text rule can find; the others need the DOM or the page's behaviour. */

export function isPatternType(value: string): value is PatternType {
  return (PATTERN_TYPES as readonly string[]).includes(value);
}

export interface Explanation {
  type: PatternType;
  category: CategoryId;
  label: string;
  explanationId: string;
  text: string;
  source: string;
}

/**
 * The plain-language explanation of a pattern type, for the popup. Accepts any string because
 * stored log records carry the type as text; an unknown type gives `null`, never a throw.
 */
export function explanationFor(type: PatternType): Explanation;
export function explanationFor(type: string): Explanation | null;
export function explanationFor(type: string): Explanation | null {
  if (!isPatternType(type)) return null;
  const info = TAXONOMY[type];
  return {
    type,
    category: info.category,
    label: info.label,
    explanationId: info.explanationId,
    text: info.explanation,
    source: info.source,
  };
}
