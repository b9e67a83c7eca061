export * from './system';
export * from './registry';
export * from './exchange';
