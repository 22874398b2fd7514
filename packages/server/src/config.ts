import { z } from 'zod';
import { DEFAULT_FACTS_MEMORY_MB } from './modules/rules/facts-memory.ts';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // loopback unless HOST is set: exposing the registry on a network is a deliberate choice
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  CHANBANG_DATA_DIR: z.string().min(1).default('./data'),
  CHANBANG_MIGRATE: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 365)
    .default(12),
  CHANBANG_WEB_DIST: z.string().optional(),
  NODE_ENV: z.string().optional(),
  // import limits (issue 6 §5): a file over one is refused with a 422 naming the limit and the file's figure
  CHANBANG_IMPORT_MAX_ROWS: z.coerce.number().int().positive().default(500_000),
  CHANBANG_IMPORT_MAX_UPLOAD_MB: z.coerce.number().positive().default(200),
  CHANBANG_IMPORT_MAX_UNPACKED_MB: z.coerce.number().positive().default(4096),
  CHANBANG_IMPORT_MAX_ZIP_RATIO: z.coerce.number().positive().default(200),
  CHANBANG_IMPORT_MAX_SHARED_STRINGS: z.coerce.number().int().positive().default(4_000_000),
  CHANBANG_IMPORT_MAX_SHARED_STRING_CHARS: z.coerce.number().int().positive().default(80_000_000),
  CHANBANG_IMPORT_FILE_DAYS: z.coerce.number().positive().default(7),
  CHANBANG_FACTS_MEMORY_MB: z.coerce.number().min(0).default(DEFAULT_FACTS_MEMORY_MB),
  CHANBANG_SECURE_COOKIES: bool.optional(),
  CHANBANG_ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const list = (v ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      const out: string[] = [];
      for (const o of list) {
        let origin: string | undefined;
        try {
          origin = new URL(o).origin;
        } catch {
          origin = undefined;
        }
        if (!origin || origin === 'null') ctx.addIssue({ code: 'custom', message: `not an origin (scheme://host[:port]): ${o}` });
        else out.push(origin);
      }
      return out;
    }),
});

const MB = 1024 * 1024;

/** Bounds of an uploaded import file (households, regions), checked before memory grows. */
export type ImportLimits = Readonly<{
  /** data rows of a file (CHANBANG_IMPORT_MAX_ROWS, default 500 000) */
  maxRows: number;
  /** bytes of an upload (CHANBANG_IMPORT_MAX_UPLOAD_MB, default 200 MB) */
  maxUploadBytes: number;
  /** sum of the uncompressed sizes of an .xlsx's zip entries (CHANBANG_IMPORT_MAX_UNPACKED_MB, default 4096 MB) */
  maxUnpackedBytes: number;
  /** uncompressed ÷ compressed size of any entry over 1 MB (CHANBANG_IMPORT_MAX_ZIP_RATIO, default 200) */
  maxZipRatio: number;
  /** shared strings of an .xlsx: count (CHANBANG_IMPORT_MAX_SHARED_STRINGS, default 4 000 000) */
  maxSharedStrings: number;
  /** shared strings of an .xlsx: total characters (CHANBANG_IMPORT_MAX_SHARED_STRING_CHARS, default 80 000 000) */
  maxSharedStringChars: number;
}>;

/** Frozen server configuration, built once at boot (or directly by tests). */
export type Config = Readonly<{
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  migrate: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  sessionTtlHours: number;
  /** folder of the built web app; default packages/web/dist */
  webDist: string | undefined;
  /** the session cookie is marked Secure (HTTPS only): CHANBANG_SECURE_COOKIES, default on when NODE_ENV=production */
  secureCookies: boolean;
  /** origins besides the server's own (its Host header) that may send state-changing requests: CHANBANG_ALLOWED_ORIGINS */
  allowedOrigins: readonly string[];
  importLimits: ImportLimits;
  /** days an import job's files are kept at most (uploads, staging and error files; CHANBANG_IMPORT_FILE_DAYS, default 7) */
  importFileDays: number;
  /** the app sweeps <dataDir>/imports at start-up and hourly (on for a server; off in makeConfig: tests and tools) */
  importFileSweep: boolean;
  /** MB of kept rule facts (their JSON) the server holds parsed in memory (CHANBANG_FACTS_MEMORY_MB, default 256; 0 = none; ADR 0005) */
  factsMemoryMb: number;
}>;

/** Thrown by {@link loadConfig} with every problem listed. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/**
 * Parses the environment into a frozen {@link Config}. The only reader of `process.env` in the server.
 * @param env defaults to `process.env`
 * @throws ConfigError listing every invalid variable
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.CHANBANG_DATA_DIR,
    migrate: e.CHANBANG_MIGRATE,
    logLevel: e.LOG_LEVEL,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    webDist: e.CHANBANG_WEB_DIST,
    secureCookies: e.CHANBANG_SECURE_COOKIES ?? e.NODE_ENV === 'production',
    allowedOrigins: Object.freeze(e.CHANBANG_ALLOWED_ORIGINS),
    importLimits: Object.freeze({
      maxRows: e.CHANBANG_IMPORT_MAX_ROWS,
      maxUploadBytes: Math.round(e.CHANBANG_IMPORT_MAX_UPLOAD_MB * MB),
      maxUnpackedBytes: Math.round(e.CHANBANG_IMPORT_MAX_UNPACKED_MB * MB),
      maxZipRatio: e.CHANBANG_IMPORT_MAX_ZIP_RATIO,
      maxSharedStrings: e.CHANBANG_IMPORT_MAX_SHARED_STRINGS,
      maxSharedStringChars: e.CHANBANG_IMPORT_MAX_SHARED_STRING_CHARS,
    }),
    importFileDays: e.CHANBANG_IMPORT_FILE_DAYS,
    importFileSweep: true,
    factsMemoryMb: e.CHANBANG_FACTS_MEMORY_MB,
  });
}

/** A config for tests and tools, with overrides. */
export function makeConfig(overrides: Partial<Config> = {}): Config {
  // no sweep of a data folder a test or tool did not choose (the default ./data is a developer's)
  return Object.freeze({ ...loadConfig({}), logLevel: 'silent' as const, importFileSweep: false, ...overrides });
}
