export * from './asset-codes.ts';
export * from './asset-income.ts';
export * from './distribution.ts';
export { A1_RULE, A3_RULE, A4_RULE, ASSET_RULES, benchmarkRateOf, type AssetFacts } from '../policy/rules/asset-rules.ts';
export { A2_RULE, type VillageDistributionFacts } from '../policy/rules/distribution-rules.ts';
export * from './asset-import-row.ts';
