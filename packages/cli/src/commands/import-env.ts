import { importExport } from '@chanbang/server';

/**
 * Settings of the import commit the CLI takes from its environment (the server's config is not the place for
 * test hooks): CHANBANG_IMPORT_CHUNK_ROWS = staged rows per committed chunk (ADR 0003);
 * CHANBANG_TEST_COMMIT_PAUSE = `<step>` or `<step>:<chunk>` (steps: staging, staged, checked, upserted, chunk-committed,
 * audited) makes the commit print `{"paused":{…}}` on stderr there and wait for ever — a kill test kills it then.
 */
export function applyImportEnv(env: Record<string, string | undefined> = process.env): void {
  const rows = Number(env.CHANBANG_IMPORT_CHUNK_ROWS ?? '');
  if (Number.isInteger(rows) && rows > 0) importExport.setImportChunkRows(rows);
  const pause = env.CHANBANG_TEST_COMMIT_PAUSE;
  if (!pause) return;
  const [step, chunk] = pause.split(':');
  importExport.setImportCommitHook(async (s, info) => {
    if (s !== step || (chunk !== undefined && Number(chunk) !== info.chunk)) return;
    process.stderr.write(`${JSON.stringify({ paused: { step: s, ...info } })}\n`);
    await new Promise(() => undefined);
  });
}
