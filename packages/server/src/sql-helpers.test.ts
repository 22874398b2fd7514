import { describe, expect, it } from 'vitest';
import { escapeLike, idArrayLiteral } from './sql-helpers.ts';

describe('sql-helpers', () => {
  it('escapes the LIKE wildcards and the escape character itself', () => {
    expect(escapeLike('50%_张\\三')).toBe('50\\%\\_张\\\\三');
    expect(escapeLike('大王村')).toBe('大王村');
  });

  it('writes ids as one PostgreSQL array literal', () => {
    expect(idArrayLiteral([3, 12, 7])).toBe('{3,12,7}');
    expect(idArrayLiteral([])).toBe('{}');
  });
});
