// Pure rules of the industries area (issue 7), no I/O.
export * from './industry-checks.ts';
export * from './chain-gaps.ts';
export * from './chain-templates.ts';
