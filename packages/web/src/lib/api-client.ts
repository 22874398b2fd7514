/** One problem reported by the API, worded in Chinese and English (domain `Issue`). */
export type ApiIssue = { path?: string; row?: number; value?: unknown; messageZh?: string; messageEn?: string; message?: string };

/** Error thrown for any non-2xx answer; carries the envelope `{ error: { code, message, details } }`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: { issues?: ApiIssue[]; reasons?: ApiIssue[]; [key: string]: unknown } | undefined;

  constructor(status: number, code: string, message: string, details?: ApiError['details']) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export type QueryValue = string | number | boolean | null | undefined;

/** Build `?a=1&b=2`, dropping empty values. */
export function toQueryString(params: Record<string, QueryValue> | undefined): string {
  if (!params) return '';
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    qs.set(key, String(value));
  }
  const text = qs.toString();
  return text ? `?${text}` : '';
}

let onUnauthenticated: (() => void) | undefined;

/** Register what to do when a request answers 401 (the app sends the user to /login). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

type RequestOptions = { method?: string; body?: unknown; query?: Record<string, QueryValue>; signal?: AbortSignal; headers?: Record<string, string> };

/** Fetch JSON from the API with the session cookie; throws ApiError on failure. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal } = options;
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}${toQueryString(query)}`, {
      method,
      credentials: 'include',
      headers,
      body: body === undefined ? undefined : isForm ? (body as FormData) : JSON.stringify(body),
      signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', (err as Error).message);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const envelope = (json as { error?: { code?: string; message?: string; details?: ApiError['details'] } } | undefined)?.error;
    if (res.status === 401 && !path.startsWith('/auth/')) onUnauthenticated?.();
    throw new ApiError(res.status, envelope?.code ?? (res.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL'), envelope?.message ?? res.statusText, envelope?.details);
  }
  return json as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>) => apiRequest<T>(path, { query }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PUT', body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PATCH', body: body ?? {} }),
  /** `headers` e.g. `ifMatch(record)` from lib/versioning.ts: the version the delete is based on. */
  delete: <T>(path: string, headers?: Record<string, string>) => apiRequest<T>(path, { method: 'DELETE', headers }),
};

/** URL of a download endpoint (xlsx/csv), for plain links that carry the cookie. */
export function downloadUrl(path: string, query?: Record<string, QueryValue>): string {
  return `/api/v1${path}${toQueryString(query)}`;
}
