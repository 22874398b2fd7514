export * from './iso-date.ts';
export * from './identification.ts';
export * from './elimination.ts';
export * from './workflow.ts';
