import { createWriteStream, type WriteStream } from 'node:fs';
import { chmod, mkdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Uploaded, staged and error files hold ID numbers, phones and incomes: the folder is the owner's only (0700) and
 * every file is created 0600. Nothing else in the imports module opens a file for writing but through here.
 */
export const IMPORT_DIR_MODE = 0o700;
export const IMPORT_FILE_MODE = 0o600;

/** The folder of import files under the data folder. */
export function importDir(dataDir: string): string {
  return join(dataDir, 'imports');
}

/** Creates a folder for import files (0700), tightening one that exists. */
export async function ensurePrivateDir(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true, mode: IMPORT_DIR_MODE });
  await chmod(dir, IMPORT_DIR_MODE);
  return dir;
}

/** A new file (truncated if it exists) readable and writable by the owner only. */
export function privateWriteStream(path: string, encoding?: BufferEncoding): WriteStream {
  return createWriteStream(path, { mode: IMPORT_FILE_MODE, ...(encoding ? { encoding } : {}) });
}

/** Removes files; a missing one is fine. @returns how many were removed */
export async function removeFiles(paths: readonly string[]): Promise<number> {
  let n = 0;
  for (const p of paths) {
    try {
      await unlink(p);
      n++;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return n;
}
