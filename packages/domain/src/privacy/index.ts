export * from './masking.ts';
export * from './disclosure.ts';
