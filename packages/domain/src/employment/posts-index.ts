// The public-welfare post area of the domain (J4, J5): lifecycle checks and the rules' facts.
export * from './posts.ts';
export * from './post-holding.ts';
export {
  J4_RULE,
  J5_RULE,
  POST_RULES,
  employerKey,
  type EmployerEntityFacts,
  type EmployerFacts,
  type PostFacts,
  type PostHolderFacts,
  type PostHoldingFacts,
  type VillagePostFacts,
} from '../policy/rules/post-rules.ts';
