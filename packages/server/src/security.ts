import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyHelmet from '@fastify/helmet';
import { AppError } from '@chanbang/domain';
import type { Config } from './config.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Content-Security-Policy of the built web app (React + antd + echarts, all served from this origin).
 * antd (CSS-in-JS) and index.html put inline styles, hence 'unsafe-inline' for style-src only; scripts come only
 * from this origin; charts draw on canvas; exports download through blob: URLs.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
} as const;

/** The origin (scheme://host[:port]) of an Origin or Referer header value, or undefined when it has none. */
function originOf(value: string): string | undefined {
  try {
    const o = new URL(value).origin;
    return o === 'null' ? undefined : o;
  } catch {
    return undefined;
  }
}

/**
 * True when a state-changing request may go ahead: it names no origin (CLI, tests, curl — unless the browser says
 * `Sec-Fetch-Site: cross-site`), or its Origin (failing that, Referer) is the server's own (same host and port as
 * the Host header) or one of CHANBANG_ALLOWED_ORIGINS.
 */
export function isTrustedOrigin(req: Pick<FastifyRequest, 'headers'>, allowedOrigins: readonly string[]): boolean {
  const h = req.headers;
  const raw = typeof h.origin === 'string' ? h.origin : typeof h.referer === 'string' ? h.referer : undefined;
  if (raw === undefined) return h['sec-fetch-site'] !== 'cross-site';
  const origin = originOf(raw);
  if (!origin) return false; // "null" (sandboxed frame, file:) or garbage
  if (allowedOrigins.includes(origin)) return true;
  // the scheme is not compared: behind a TLS proxy the server itself sees http
  return typeof h.host === 'string' && new URL(origin).host === h.host.toLowerCase();
}

/**
 * Security of every response and request (issue 6 §4): helmet headers (CSP, nosniff, frame-ancestors 'none',
 * Referrer-Policy same-origin; HSTS only with secure cookies, i.e. behind HTTPS), `Cache-Control: no-store` on
 * /api, and the Origin check of state-changing requests (403 FORBIDDEN "untrusted origin"; CSRF defence next to
 * the SameSite=Lax session cookie). Register before the session hook so a refused request costs no query.
 */
export async function registerSecurity(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...CSP_DIRECTIVES, ...(config.secureCookies ? { upgradeInsecureRequests: [] } : {}) },
    },
    referrerPolicy: { policy: 'same-origin' },
    // over plain HTTP on a county LAN HSTS would only get in the way
    strictTransportSecurity: config.secureCookies ? { maxAge: 15_552_000, includeSubDomains: false } : false,
  });
  app.addHook('onRequest', async (req) => {
    if (!STATE_CHANGING.has(req.method) || isTrustedOrigin(req, config.allowedOrigins)) return;
    throw new AppError('FORBIDDEN', 'untrusted origin', {
      issues: [{ path: '', messageZh: '请求来源不被信任', messageEn: 'untrusted origin' }],
    });
  });
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api')) reply.header('cache-control', 'no-store');
  });
}
