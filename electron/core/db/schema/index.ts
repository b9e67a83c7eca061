export * from './system';
export * from './registry';
