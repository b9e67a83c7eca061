// The assistance domain (双联, 驻村帮扶, the three books and policy benefits): pure rules, no I/O.
export * from './violations';
export * from './dates';
export * from './policy';
export * from './catalog';
export * from './quota';
export * from './pairing';
export * from './coverage';
export * from './team';
export * from './cadre';
export * from './small-loan';
export * from './benefits';
export * from './plan';
export * from './measure';
export * from './ledger';
