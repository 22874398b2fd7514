export * from './roles.ts';
export * from './regions.ts';
export * from './password-rules.ts';
