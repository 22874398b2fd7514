import type { MatrixArea } from './area.types.ts';
import { assetsArea } from './assets.ts';
import { calculatorsArea } from './calculators.ts';
import { entitiesArea } from './entities.ts';
import { fundsArea } from './funds.ts';
import { industriesArea } from './industries.ts';
import { linkagesArea } from './linkages.ts';
import { projectsArea } from './projects.ts';
import { rulesArea } from './rules.ts';

export type { MatrixArea } from './area.types.ts';

/** Every module's matrix additions (one file per module in this folder). */
export const MATRIX_AREAS: MatrixArea[] = [linkagesArea, fundsArea, projectsArea, industriesArea, calculatorsArea, entitiesArea, rulesArea, assetsArea];
