export * from './common';
export * from './events';
export * from './visit';
export * from './settings';
