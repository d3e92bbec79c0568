import type { EventOf, FamilyRecords } from '../core/family';
import type { EngagementAct } from '../schema/content-messages';
import { ENGAGEMENT_ACTIONS, type EngagementAction } from '../schema/events';

export interface EngagementSummary {
  engagement: Record<EngagementAction, number>;
}

/** The person's acts as log records, and as the popup's counts per kind (ARCHITECTURE.md, "The registry"). */
export const engagementRecords: FamilyRecords<'engagement', EngagementAct, EngagementSummary> = {
  kind: 'engagement',
  toEvent: ({ action, target }, base) => ({ ...base, kind: 'engagement', action, target }),
  summarise(events) {
    const engagement = Object.fromEntries(ENGAGEMENT_ACTIONS.map((a) => [a, 0])) as Record<EngagementAction, number>;
    for (const event of events as readonly EventOf<'engagement'>[]) engagement[event.action] += 1;
    return { engagement };
  },
};
