import type { Issue } from '../errors.ts';
import { cellToDigitText, cellToText, cellToYesNo } from '../households/cell-values.ts';
import { normalizeIdNumber } from '../id-number/id-number.ts';
import { CERTIFICATE_NO_MAX } from '../api/trainings.schemas.ts';

/**
 * The participants file of one 技能培训 (issue 8 §6): one row per person, found by 证件号码 (the name is compared
 * with the registry's). 是否结业 empty = 是 (a participant is recorded when the course ends).
 */
export const TRAINING_PARTICIPANT_COLUMNS = [
  { key: 'name', header: '姓名', required: true, width: 10, note: '参训人员姓名，须与证件号码登记的姓名一致' },
  {
    key: 'idNumber',
    header: '证件号码',
    aliases: ['身份证号', '身份证号码', '证件号'],
    required: true,
    width: 22,
    note: '参训人员的证件号码（须为本辖区登记在册的家庭成员）；请设为文本格式',
  },
  { key: 'completed', header: '是否结业', aliases: ['结业'], width: 10, note: '是 / 否；空为“是”' },
  { key: 'certificateNo', header: '证书编号', aliases: ['结业证书编号'], width: 20, note: '选填' },
] as const;
export type TrainingParticipantKey = (typeof TRAINING_PARTICIPANT_COLUMNS)[number]['key'];

export type TrainingParticipantRecord = { name: string; idNumber: string; completed: boolean; certificateNo: string | null };

/** Checks one row of a participants file. @returns the record (null when a cell cannot be read) and the row's issues */
export function checkTrainingParticipantRow(
  row: number,
  cells: Partial<Record<TrainingParticipantKey, unknown>>,
  columnName: (key: TrainingParticipantKey) => string,
): { record: TrainingParticipantRecord | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const add = (key: TrainingParticipantKey, value: unknown, messageZh: string, messageEn: string) =>
    issues.push({ row, path: columnName(key), field: key, value, messageZh, messageEn });
  const name = cellToText(cells.name).trim();
  if (!name) add('name', '', '姓名不能为空', 'the name is required');
  const id = cellToDigitText(cells.idNumber);
  const idNumber = id.ok ? normalizeIdNumber(id.text) : '';
  if (!id.ok) add('idNumber', cellToText(cells.idNumber), id.reasonZh, id.reasonEn);
  else if (!idNumber) add('idNumber', '', '证件号码不能为空', 'the ID number is required');
  const completed = cellToYesNo(cells.completed);
  if (completed === undefined) add('completed', cellToText(cells.completed), '是否结业须填“是”或“否”', '是否结业 (completed) must be 是 or 否 (yes or no)');
  const certificateNo = cellToText(cells.certificateNo).trim();
  if (certificateNo.length > CERTIFICATE_NO_MAX)
    add('certificateNo', certificateNo, `证书编号不能超过 ${CERTIFICATE_NO_MAX} 个字符`, `the certificate number is longer than ${CERTIFICATE_NO_MAX} characters`);
  if (issues.length) return { record: null, issues };
  return { record: { name, idNumber, completed: completed ?? true, certificateNo: certificateNo || null }, issues };
}
