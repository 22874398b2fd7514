import { ApiError, type ApiIssue } from './api-client.ts';
import { fieldDef } from './field-labels.ts';
import type { I18n, MessageKey } from './i18n.tsx';

const KNOWN = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'VALIDATION_FAILED',
  'CONFLICT',
  'RECORD_EXITED',
  'INVALID_TRANSITION',
  'IMPORT_REJECTED',
  'GONE',
  'RATE_LIMITED',
  'STALE_VERSION',
  'VERSION_REQUIRED',
  'INTERNAL',
  'NETWORK',
];

/** The localised headline of an error (from its code, never the developer message). */
export function errorTitle(err: unknown, i18n: Pick<I18n, 't'>): string {
  if (err instanceof ApiError) {
    const code = KNOWN.includes(err.code) ? err.code : 'INTERNAL';
    return i18n.t(`err.${code}` as MessageKey);
  }
  return i18n.t('err.INTERNAL');
}

/** Issues of an error envelope (`details.issues`, or `details.reasons` for refusals). */
export function errorIssues(err: unknown): ApiIssue[] {
  if (!(err instanceof ApiError) || !err.details) return [];
  const list = err.details.issues ?? err.details.reasons;
  return Array.isArray(list) ? list : [];
}

/** Containers of a request body, in words (`members.0` → 第 1 位家庭成员). */
const LIST_WORDS: Record<string, [string, string]> = {
  members: ['家庭成员', 'member'],
  incomes: ['收入', 'income'],
  measures: ['帮扶措施', 'measure'],
  helpers: ['帮扶责任人', 'helper'],
  items: ['条目', 'item'],
  riskTypes: ['风险类型', 'risk type'],
  healthStatuses: ['健康状况', 'health status'],
};

/**
 * Where an issue points, in words: `members.0.idNumber` → 第 1 位家庭成员 · 证件号码. Parts without a known label
 * (request containers, unknown keys) are left out, so a field key is never shown.
 */
export function pathLabel(path: string | undefined, i18n: Pick<I18n, 'pick'>): string {
  if (!path) return '';
  const parts = path.split(/[./]/).filter((p) => p && !['body', 'query', 'params', 'querystring'].includes(p));
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const list = LIST_WORDS[part];
    const nextIndex = parts[i + 1] !== undefined && /^\d+$/.test(parts[i + 1]!) ? Number(parts[i + 1]) : null;
    if (list && nextIndex !== null) {
      const def = fieldDef(undefined, part);
      if (def && !parts[i + 2]) out.push(i18n.pick(def.zh, def.en));
      out.push(i18n.pick(`第 ${nextIndex + 1} 位${list[0]}`.replace('位条目', '条'), `${list[1]} ${nextIndex + 1}`));
      i++;
      continue;
    }
    if (/^\d+$/.test(part)) continue;
    const def = fieldDef(undefined, part);
    if (def) out.push(i18n.pick(def.zh, def.en));
  }
  return out.join(' · ');
}

/** Generic request-validation wording (zod through the server) in officer language. */
function schemaMessage(raw: string, i18n: Pick<I18n, 'pick'>): string {
  const m = raw.toLowerCase();
  if (/required|received undefined|received null/.test(m)) return i18n.pick('必须填写', 'is required');
  if (/too small|at least|>=/.test(m)) return i18n.pick('未填写或过短', 'is empty or too short');
  if (/too big|at most|<=/.test(m)) return i18n.pick('过长或过大', 'is too long or too large');
  if (/expected number|nan|integer/.test(m)) return i18n.pick('应填写数字', 'must be a number');
  if (/date|iso/.test(m)) return i18n.pick('应为日期（年-月-日）', 'must be a date (YYYY-MM-DD)');
  if (/option|enum|expected one of/.test(m)) return i18n.pick('不是可选的值', 'is not one of the choices');
  return i18n.pick('格式不正确', 'is not valid');
}

/** One issue as a line of text in the current language: row, field in words, message; never a field key. */
export function issueText(issue: ApiIssue, i18n: Pick<I18n, 'pick'>): string {
  const where = issue.row ? i18n.pick(`第 ${issue.row} 行 `, `Row ${issue.row}: `) : '';
  const label = pathLabel(issue.path, i18n);
  const raw = i18n.pick(issue.messageZh, issue.messageEn) || issue.message || '';
  // the server's generic schema message ("字段 body.x 无效：…") carries the key: say it in words instead
  const generic = /^字段 \S* ?无效[:：]/.test(issue.messageZh ?? '') || (!issue.messageZh && !issue.messageEn);
  if (generic) {
    const detail = (issue.messageEn ?? issue.message ?? '').replace(/^[^:]*:\s*/, '');
    return `${where}${label || i18n.pick('填写内容', 'A field')}${i18n.pick('', ' ')}${schemaMessage(detail, i18n)}`;
  }
  // a developer path quoted in the message becomes its words; a path that is already words (import columns) stays
  const isKey = !!issue.path && /^[\w.]+$/.test(issue.path);
  const text = isKey ? raw.split(issue.path!).join(label) : raw;
  if (!label) return `${where}${text}`;
  // name the field unless the message already does
  const field = label.split(' · ').pop() ?? label;
  return text.includes(field) ? `${where}${label.includes(' · ') ? `${label.split(' · ').slice(0, -1).join(' · ')}：` : ''}${text}` : `${where}${label}：${text}`;
}

/** Headline plus every issue, for message.error(). */
export function errorText(err: unknown, i18n: Pick<I18n, 't' | 'pick'>): string {
  const issues = errorIssues(err).map((i) => issueText(i, i18n));
  return [errorTitle(err, i18n), ...issues].join('；');
}
