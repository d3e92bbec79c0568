import type { TrackerCategory } from '../schema/events';

/**
 * Which TrackerDB categories count as *targeting* the person.
 *
 * Targeting: services whose business is to observe, profile or advertise to the visitor.
 * - advertising, pornvertising: ad tech, retargeting, conversion pixels.
 * - site_analytics: usage analytics and session recording.
 * - social_media: social widgets and pixels that report the visit to a social network.
 * - misc: TrackerDB's "unclassified trackers": it lists them because they track.
 *
 * Not targeting (shown as "other third parties", never counted): services a page needs to work or
 * that the person asked for, which see the request but are not in the business of profiling it.
 * - hosting (CDNs, fonts), utilities (tag managers, privacy notices), audio_video_player,
 *   consent (consent managers), customer_interaction (chat and support widgets), extensions.
 * A beacon to such a host still counts: the beacon rule fires on behaviour, not on the host.
 */
export const TARGETING_CATEGORIES: ReadonlySet<TrackerCategory> = new Set<TrackerCategory>([
  'advertising',
  'pornvertising',
  'site_analytics',
  'social_media',
  'misc',
]);

export function isTargetingCategory(category: TrackerCategory): boolean {
  return TARGETING_CATEGORIES.has(category);
}
