export * from './roles.ts';
export * from './regions.ts';
