/** Small helpers the repos share to build SQL parameters (no SQL here: the statements stay in the repos). */

/** A user's text for LIKE / ILIKE: `%`, `_` and `\` match themselves (PostgreSQL's default escape is `\`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Integer ids as one PostgreSQL array literal (`{1,2,3}`), bound as a single parameter cast to `bigint[]`. */
export function idArrayLiteral(ids: readonly number[]): string {
  return `{${ids.join(',')}}`;
}

/** Strings as one PostgreSQL array literal (`{"a","b"}`, quotes and backslashes dropped), bound as one parameter cast to `text[]`. */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '')}"`).join(',')}}`;
}
