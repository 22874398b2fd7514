import type { AssetFacts } from '@chanbang/domain';
import { assetFactsQuery, gatherAssetFacts } from './asset-facts.repo.ts';
import type { FactGatherer } from './gatherer.types.ts';

/** Asset facts (A1, A3, A4): one per 帮扶项目资产 under the prefix, see asset-facts.repo.ts. */
export const ASSET_GATHERER: FactGatherer<AssetFacts> = { kind: 'asset', query: assetFactsQuery, gather: (conn, scope) => gatherAssetFacts(conn, scope) };

/** Gatherers of the asset rules, registered in gatherers/index.ts. */
export const ASSET_GATHERERS: FactGatherer<unknown>[] = [ASSET_GATHERER as FactGatherer<unknown>];
