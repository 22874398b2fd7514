// Pure rules of the projects area (issue 7), no I/O.
export * from './workflow.ts';
export * from './entry-policy.ts';
export type { ProjectFacts } from '../policy/rules/project-rules.ts';
export * from './project-import-row.ts';
export * from './project-todo.ts';
