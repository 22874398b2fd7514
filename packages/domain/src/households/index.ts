export * from './import-fields.ts';
export * from './cell-values.ts';
export * from './import-row.ts';
export * from './household-groups.ts';
