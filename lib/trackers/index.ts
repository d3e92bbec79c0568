export * from './classify-request';
export * from './targeting';
export * from './trackerdb';
export * from './url';
export * from './beacon-rules';
