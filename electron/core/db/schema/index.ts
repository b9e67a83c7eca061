export * from './system';
export * from './registry';
export * from './exchange';
export * from './assistance';
export * from './workflow';
export * from './printing';
export * from './attachments';
