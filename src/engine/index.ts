/** The scoring engine: pure TypeScript, no Office, no DOM, no Node. */
export * from './types';
export * from './decimal';
export * from './address';
export * from './text';
export * from './rules';
export * from './rules-io';
export * from './review';
export * from './layout';
export * from './classify';
export * from './rank';
export * from './summary';
export * from './score';
export * from './format';
export * from './describe';
export * from './output';
export * from './i18n';
export * from './narrative';
