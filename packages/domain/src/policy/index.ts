export * from './policy.types.ts';
export * from './policy.schemas.ts';
export * from './coverage.ts';
export * from './rule-catalogue.ts';
export * from './rule-registry.ts';
export * from './rules/h1.ts';
export * from './packs/index.ts';
