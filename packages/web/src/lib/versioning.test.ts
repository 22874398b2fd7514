import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client.ts';
import { errorTitle } from './error-text.ts';
import { en } from './messages-en.ts';
import { zh } from './messages-zh.ts';
import { ifMatch, isStaleVersion, isVersionRequired, lastChange, lastChangeText, staleCurrent, versionOf, withVersion } from './versioning.ts';

const zhI18n = { pick: (a: string | null | undefined, b: string | null | undefined) => a ?? b ?? '', t: (k: keyof typeof zh) => zh[k] };
const enI18n = { pick: (a: string | null | undefined, b: string | null | undefined) => b ?? a ?? '', t: (k: keyof typeof en) => en[k] };

/** The 409 the server sends when someone saved first (server/src/versioning.ts checkVersion). */
const stale = (current: unknown) =>
  new ApiError(409, 'STALE_VERSION', 'version 3 is stale, the record is at 4', {
    current,
    issues: [{ path: 'version', messageZh: '此记录已被他人修改（您读取的是第 3 版，现为第 4 版），请重新载入后再修改', messageEn: 'stale' }],
  });

describe('versionOf', () => {
  it('reads a positive whole version and nothing else', () => {
    expect(versionOf({ id: 7, version: 3 })).toBe(3);
    expect(versionOf({ id: 7 })).toBeUndefined();
    expect(versionOf({ version: 0 })).toBeUndefined();
    expect(versionOf({ version: 2.5 })).toBeUndefined();
    expect(versionOf({ version: '3' })).toBeUndefined();
    expect(versionOf(null)).toBeUndefined();
    expect(versionOf(undefined)).toBeUndefined();
  });
});

describe('withVersion', () => {
  it('adds the version of the record the form was opened with, leaving the values alone', () => {
    const opened = { id: 5, address: '旧地址', version: 4 };
    expect(withVersion({ address: '新地址' }, opened)).toEqual({ address: '新地址', version: 4 });
  });

  it('sends a record without a version as it is (a new record)', () => {
    const body = { address: '新地址' };
    expect(withVersion(body, undefined)).toEqual({ address: '新地址' });
    expect('version' in withVersion(body, { id: 5 })).toBe(false);
  });

  it('takes the version of the record it is given, not one already in the body', () => {
    expect(withVersion({ version: 9, note: 'x' }, { version: 2 })).toEqual({ version: 2, note: 'x' });
  });
});

describe('ifMatch', () => {
  it('quotes the version as an entity tag for a DELETE', () => {
    expect(ifMatch({ id: 1, version: 12 })).toEqual({ 'if-match': '"12"' });
    expect(ifMatch({ id: 1 })).toEqual({});
  });
});

describe('stale and missing versions', () => {
  it('tells STALE_VERSION (409) and VERSION_REQUIRED (428) apart from other refusals', () => {
    const required = new ApiError(428, 'VERSION_REQUIRED', 'an update must send the version it read');
    const conflict = new ApiError(409, 'CONFLICT', 'household number taken');
    expect(isStaleVersion(stale({}))).toBe(true);
    expect(isStaleVersion(conflict)).toBe(false);
    expect(isStaleVersion(new Error('STALE_VERSION'))).toBe(false);
    expect(isVersionRequired(required)).toBe(true);
    expect(isVersionRequired(stale({}))).toBe(false);
  });

  it('gives the record as it is now from details.current', () => {
    expect(staleCurrent(stale({ id: 5, address: '他人改的地址', version: 4 }))).toEqual({ id: 5, address: '他人改的地址', version: 4 });
    expect(staleCurrent(stale(undefined))).toBeUndefined();
    expect(staleCurrent(stale([1, 2]))).toBeUndefined();
    expect(staleCurrent(new ApiError(409, 'CONFLICT', 'x', { current: { id: 1 } }))).toBeUndefined();
  });

  it('heads both codes in officer words, in Chinese and English', () => {
    expect(errorTitle(stale({}), zhI18n)).toBe('此记录已被他人修改');
    expect(errorTitle(new ApiError(428, 'VERSION_REQUIRED', 'x'), zhI18n)).toBe('请刷新页面后重试');
    expect(errorTitle(new ApiError(428, 'VERSION_REQUIRED', 'x'), enI18n)).toBe('Reload the page and try again');
  });

  it('words the dialog as the task asks', () => {
    expect(zh['stale.unsaved']).toBe('您的修改尚未保存。重新载入后，请核对并重新填写。');
    expect(zh['stale.reload']).toBe('重新载入');
  });
});

describe('lastChange', () => {
  it('names who saved and when, as far as the record says', () => {
    expect(lastChange({ updatedByName: '李乡镇', updatedAt: '2026-11-30T05:12:01' })).toEqual({ by: '李乡镇', at: '2026-11-30T05:12:01' });
    expect(lastChange({ updatedAt: '2026-11-30T05:12:01' })).toEqual({ at: '2026-11-30T05:12:01' });
    expect(lastChange({ updatedBy: 42 })).toEqual({});
    expect(lastChange({ updatedByName: '  ' })).toEqual({});
    expect(lastChange(undefined)).toEqual({});
  });

  it('says it in one sentence, or nothing when the record does not say', () => {
    // a timestamp without an offset is local time, so the expected text does not depend on the machine's zone
    expect(lastChangeText({ updatedByName: '李乡镇', updatedAt: '2026-11-30T05:12:01' }, zhI18n)).toBe('李乡镇于 2026-11-30 05:12:01 保存了此记录。');
    expect(lastChangeText({ updatedAt: '2026-11-30T05:12:01' }, zhI18n)).toBe('此记录已于 2026-11-30 05:12:01 被保存。');
    expect(lastChangeText({ updatedByName: 'Li' }, enI18n)).toBe('Li saved it.');
    expect(lastChangeText({ id: 5 }, zhI18n)).toBe('');
  });
});
