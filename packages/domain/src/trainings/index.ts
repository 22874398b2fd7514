export * from '../api/trainings.schemas.ts';
export * from '../api/person-employment.schemas.ts';
export * from './training-import-row.ts';
export * from '../policy/rules/worker-rules.ts';
