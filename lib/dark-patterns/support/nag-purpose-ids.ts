/**
 * What an overlay may ask for, in the order a text naming several is read (the first wins). The
 * patterns are in nag-purposes.ts and run in the background; the content script keeps only this.
 */
export const NAG_PURPOSE_IDS = ['newsletter', 'app-download', 'ad-blocker', 'sign-up', 'notifications', 'survey', 'exit-offer'] as const;
