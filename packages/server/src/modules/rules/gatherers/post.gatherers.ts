import type { PostFacts } from '@chanbang/domain';
import type { FactGatherer } from './gatherer.types.ts';
import { gatherPostFacts, postFactsQuery } from './post-facts.repo.ts';

/** Post facts (J5): one per 公益性岗位 under the prefix with its holdings and paid months, see post-facts.repo.ts. */
export const POST_GATHERER: FactGatherer<PostFacts> = { kind: 'post', query: postFactsQuery, gather: (conn, scope) => gatherPostFacts(conn, scope) };

/** Gatherers of the post rules, registered in gatherers/index.ts. */
export const POST_GATHERERS: FactGatherer<unknown>[] = [POST_GATHERER as FactGatherer<unknown>];
