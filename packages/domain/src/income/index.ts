export * from './income.ts';
