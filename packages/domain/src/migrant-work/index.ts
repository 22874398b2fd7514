export * from './work-place.ts';
export * from './job-import-row.ts';
export * from '../api/record-import-reports.schemas.ts';
