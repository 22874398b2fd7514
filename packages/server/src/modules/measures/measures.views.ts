import { DICT, codesWithAttr, type MeasureView } from '@chanbang/domain';
import type { MeasureRow } from './measures.repo.ts';

/** Development-type (开发式) measure categories, from the dictionary attrs. */
export function developmentalCategories(): Set<string> {
  return new Set(codesWithAttr(DICT.measureCategory, 'developmental'));
}

export function toMeasureView(m: MeasureRow, developmental: Set<string> = developmentalCategories()): MeasureView {
  return {
    id: m.id,
    householdId: m.householdId,
    category: m.category,
    description: m.description,
    year: m.year,
    startDate: m.startDate,
    endDate: m.endDate,
    helperId: m.helperId,
    amountYuan: m.amountYuan,
    developmental: developmental.has(m.category),
    version: m.version,
  };
}
