import type { TrackerCategory } from '../schema/events';

/**
 * TrackerDB's category names and colours, for views that do not load the 1.7 MB engine.
 * tests/unit/categories.test.ts checks this table against the engine's own metadata.
 */
export const CATEGORY_INFO: Record<TrackerCategory, { name: string; color: string }> = {
  advertising: { name: 'Advertising', color: '#cb55cd' },
  audio_video_player: { name: 'Audio/Video Player', color: '#4ecb43' },
  consent: { name: 'Consent Management', color: '#556fcd' },
  customer_interaction: { name: 'Customer Interaction', color: '#ef671e' },
  extensions: { name: 'Extensions', color: '#a14ecb' },
  hosting: { name: 'Hosting', color: '#8459a5' },
  misc: { name: 'Misc', color: '#cb4ea1' },
  pornvertising: { name: 'Adult Advertising', color: '#cb4343' },
  site_analytics: { name: 'Site Analytics', color: '#87d7ef' },
  social_media: { name: 'Social Media', color: '#cba14e' },
  utilities: { name: 'Utilities', color: '#fc9734' },
};
