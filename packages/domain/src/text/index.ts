export * from './half-width.ts';
