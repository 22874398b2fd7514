import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from '@fastify/type-provider-zod';
import { AppError, HealthSchema } from '@chanbang/domain';
import type { DbHandle } from '@chanbang/db';
import type { Config } from './config.ts';
import type { Deps } from './deps.ts';
import { errorBody, genRequestId, registerErrorHandling } from './http-errors.ts';
import { registerSecurity } from './security.ts';
import { registerAssetRoutes } from './modules/assets/assets.routes.ts';
import { registerLocalIncomeRoutes } from './modules/local-incomes/local-incomes.routes.ts';
import { registerAssetImportRoutes } from './modules/assets/asset-import.routes.ts';
import { registerMigrantWorkRoutes } from './modules/migrant-work/migrant-work.routes.ts';
import { registerJobSubsidyRoutes } from './modules/job-subsidies/job-subsidies.routes.ts';
import { registerTrainingRoutes } from './modules/trainings/trainings.routes.ts';
import { registerPostRoutes } from './modules/posts/posts.routes.ts';
import { registerDistributionRoutes } from './modules/distributions/distributions.routes.ts';
import { registerAuditRoutes } from './modules/audit/audit.routes.ts';
import { registerAuthRoutes, registerSessionHook } from './modules/auth/auth.routes.ts';
import { registerDashboardRoutes } from './modules/dashboard/dashboard.routes.ts';
import { registerDictionaryRoutes } from './modules/dictionaries/dictionaries.routes.ts';
import { registerHelperRoutes } from './modules/helpers/helpers.routes.ts';
import { householdReadModel } from './modules/household-detail/household-detail.service.ts';
import { registerHouseholdDetailRoutes } from './modules/household-detail/household-detail.routes.ts';
import { registerHouseholdRoutes } from './modules/households/households.routes.ts';
import { registerIncomeRoutes } from './modules/incomes/incomes.routes.ts';
import { registerMeasureRoutes } from './modules/measures/measures.routes.ts';
import { registerMemberRoutes } from './modules/members/members.routes.ts';
import { registerImportExportRoutes } from './modules/imports/index.ts';
import { registerMonitoringLineRoutes } from './modules/monitoring-lines/monitoring-lines.routes.ts';
import { registerMonitoringRoutes } from './modules/monitoring/monitoring.routes.ts';
import { registerPolicyRoutes } from './modules/policy/policy.routes.ts';
import { registerRegionRoutes } from './modules/regions/regions.routes.ts';
import { registerRuleRoutes } from './modules/rules/rules.routes.ts';
import { registerCalculatorRoutes } from './modules/calculators/calculators.routes.ts';
import { registerEntityRoutes } from './modules/entities/entities.routes.ts';
import { registerFundRoutes } from './modules/funds/funds.routes.ts';
import { registerIndustryRoutes } from './modules/industries/industries.routes.ts';
import { registerLinkageRoutes } from './modules/linkages/linkages.routes.ts';
import { registerProjectRoutes } from './modules/projects/projects.routes.ts';
import { registerTodoRoutes } from './modules/todo/todo.routes.ts';
import { registerUserRoutes } from './modules/users/users.routes.ts';

/** Default location of the built web app: packages/web/dist. */
export const DEFAULT_WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');

/** Requests slower than this are logged at info level (the others at debug). */
export const SLOW_REQUEST_MS = 1000;
const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

export type BuildAppOptions = {
  config: Config;
  db: DbHandle;
  /** where the log lines go (default stdout); tests pass a stream to read them */
  logStream?: { write(line: string): void };
};

/** Builds the Fastify app (routes, error handling, OpenAPI, static web) without listening. */
export async function buildApp({ config, db, logStream }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel, ...(logStream ? { stream: logStream } : {}) },
    // Fastify's two info lines per request cost more than a list query under load: one line per request is
    // written by the onResponse hook below, at info only for server errors and slow requests, else at debug.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: genRequestId as never,
    requestIdHeader: false,
    bodyLimit: 5 * 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', String(req.id));
  });
  const logs = (level: 'debug' | 'info') => config.logLevel !== 'silent' && LOG_LEVELS.indexOf(config.logLevel) <= LOG_LEVELS.indexOf(level);
  const [logInfo, logDebug] = [logs('info'), logs('debug')];
  app.addHook('onResponse', async (req, reply) => {
    const ms = reply.elapsedTime;
    const level = reply.statusCode >= 500 || ms >= SLOW_REQUEST_MS ? 'info' : 'debug';
    if (!(level === 'info' ? logInfo : logDebug)) return;
    // the path only: a query string carries what was searched for (names, ID numbers)
    req.log[level]({ method: req.method, url: req.url.split('?')[0], statusCode: reply.statusCode, ms: Math.round(ms) }, 'request completed');
  });

  await registerSecurity(app, config);
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'chanbang 产帮 API', description: '乡村特色产业帮扶信息平台', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cb_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });

  const deps: Deps = { config, db };
  registerSessionHook(app, deps);

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/health', { schema: { tags: ['system'], summary: 'Liveness and database check', response: { 200: HealthSchema } } }, async () => {
    await db.query('SELECT 1');
    return { status: 'ok' as const, db: db.kind };
  });
  r.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerAuthRoutes(app, deps);
  registerRegionRoutes(app, deps);
  // households, then the modules hanging on one (each owns its routes), then the read model composed over them
  registerHouseholdRoutes(app, deps, householdReadModel);
  registerHouseholdDetailRoutes(app, deps);
  registerMemberRoutes(app, deps);
  registerIncomeRoutes(app, deps);
  registerMeasureRoutes(app, deps);
  registerMonitoringRoutes(app, deps);
  registerTodoRoutes(app, deps);
  registerMonitoringLineRoutes(app, deps);
  registerHelperRoutes(app, deps);
  registerDictionaryRoutes(app, deps);
  registerPolicyRoutes(app, deps);
  registerRuleRoutes(app, deps);
  registerEntityRoutes(app, deps);
  registerLinkageRoutes(app, deps);
  registerIndustryRoutes(app, deps);
  registerProjectRoutes(app, deps);
  registerFundRoutes(app, deps);
  registerAssetRoutes(app, deps);
  registerLocalIncomeRoutes(app, deps);
  registerAssetImportRoutes(app, deps);
  registerMigrantWorkRoutes(app, deps);
  registerJobSubsidyRoutes(app, deps);
  registerTrainingRoutes(app, deps);
  registerPostRoutes(app, deps);
  registerDistributionRoutes(app, deps);
  registerCalculatorRoutes(app, deps);
  registerDashboardRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerUserRoutes(app, deps);
  await registerImportExportRoutes(app, deps);

  const webDist = config.webDist ?? DEFAULT_WEB_DIST;
  const hasWeb = existsSync(join(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
  app.setNotFoundHandler((req, reply) => {
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api')) return reply.sendFile('index.html');
    return reply.status(404).send(errorBody(new AppError('NOT_FOUND', `no route ${req.method} ${req.url.split('?')[0]}`), String(req.id)));
  });
  return app;
}
