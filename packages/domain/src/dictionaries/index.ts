export * from './dictionary.types.ts';
export * from './dictionaries.ts';
