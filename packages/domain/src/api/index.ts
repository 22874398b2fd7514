export * from './common.schemas.ts';
export * from './auth.schemas.ts';
export * from './regions.schemas.ts';
export * from './households.schemas.ts';
export * from './admin.schemas.ts';
export * from './monitoring.schemas.ts';
export * from './privacy.schemas.ts';
