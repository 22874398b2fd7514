export * from './regions.ts';
export * from './users.ts';
export * from './dictionaries.ts';
export * from './households.ts';
export * from './audit.ts';
export * from './imports.ts';
export * from './industry.ts';
export * from './rule-results.ts';
