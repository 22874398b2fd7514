import type { MatrixArea } from './area.types.ts';
import { linkagesArea } from './linkages.ts';

export type { MatrixArea } from './area.types.ts';

/** Every module's matrix additions (one file per module in this folder). */
export const MATRIX_AREAS: MatrixArea[] = [linkagesArea];
