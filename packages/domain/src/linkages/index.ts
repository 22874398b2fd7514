// Pure rules of farmer linkage (联农带农, issue 7 §3), no I/O.
export * from './linkage-checks.ts';
export * from './linkage-import-row.ts';
