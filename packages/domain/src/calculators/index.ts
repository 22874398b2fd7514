// Pure rules of the calculators area (issue 7), no I/O: S1 facility subsidy, C1 microcredit.
export * from './amount-text.ts';
export * from './s1.ts';
export * from './c1.ts';
export * from './c1-schedule.ts';
export { C1_RULE, S1_RULE, type LoanFacts, type SubsidyFacts } from '../policy/rules/calculator-rules.ts';
