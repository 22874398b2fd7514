export * from './import-fields.ts';
export * from './import-fields-national.ts';
export * from './import-layout.ts';
export * from './import-regions.ts';
export * from './cell-values.ts';
export * from './import-row.ts';
export * from './household-groups.ts';
export * from './household-model.ts';
