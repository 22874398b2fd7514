import type { MatrixArea } from './area.types.ts';
import { assetImportArea } from './asset-import.ts';
import { assetsArea } from './assets.ts';
import { calculatorsArea } from './calculators.ts';
import { distributionsArea } from './distributions.ts';
import { entitiesArea } from './entities.ts';
import { fundsArea } from './funds.ts';
import { industriesArea } from './industries.ts';
import { jobSubsidiesArea } from './job-subsidies.ts';
import { linkagesArea } from './linkages.ts';
import { localIncomesArea } from './local-incomes.ts';
import { postsArea } from './posts.ts';
import { projectsArea } from './projects.ts';
import { rulesArea } from './rules.ts';
import { trainingsArea } from './trainings.ts';

export type { MatrixArea } from './area.types.ts';

/** Every module's matrix additions (one file per module in this folder). */
export const MATRIX_AREAS: MatrixArea[] = [
  linkagesArea,
  fundsArea,
  projectsArea,
  industriesArea,
  calculatorsArea,
  entitiesArea,
  rulesArea,
  assetsArea,
  distributionsArea,
  localIncomesArea,
  trainingsArea,
  jobSubsidiesArea,
  postsArea,
  assetImportArea,
];
