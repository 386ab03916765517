export * as estimators from './estimators.js';
export * as submitters from './submitters.js';
export * as collectors from './collectors.js';
