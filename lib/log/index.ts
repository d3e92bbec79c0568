export * from './database';
export * from './write-queue';
export * from './queries';
export * from './retention';
export * from './summarize-visit';
