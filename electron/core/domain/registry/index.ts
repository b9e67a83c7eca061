// The registry's pure domain rules, one import for services, the importer and the CLI.
export * from './types';
export * from './code-tables';
export * from './year-params';
export * from './id-number';
export * from './income';
export * from './person-facts';
export * from './household-consistency';
export * from './record-defaults';
export * from './quality/index';
