// Pure rules of the funds area (issue 7), no I/O.
export * from '../policy/rules/fund-rules.ts';
export * from './what-if.ts';
