export * from './errors.ts';
export * from './api/index.ts';
