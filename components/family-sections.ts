import type { Component } from 'svelte';
import type { PopupSummary } from '@/lib/messages';
import type { PerFamily } from '@/lib/registry';
import AdSection from './AdSection.svelte';
import DarkPatternSection from './DarkPatternSection.svelte';
import EngagementSection from './EngagementSection.svelte';
import TrackerSection from './TrackerSection.svelte';

/** What every popup section is given: the visit's summary, its family's label, and "show on page". */
export interface SectionProps {
  summary: PopupSummary;
  title: string;
  onshow: (items: { unitId: string; label: string }[]) => void;
}

/** The popup's section for each family of the registry (ARCHITECTURE.md, "The registry"); the compiler wants one per family. */
export const SECTIONS: PerFamily<Component<SectionProps>> = {
  trackers: TrackerSection,
  ads: AdSection,
  'dark-patterns': DarkPatternSection,
  engagement: EngagementSection,
};
