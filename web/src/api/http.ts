/**
 * The one place that talks HTTP. Request bodies are checked against the shared zod schema before they
 * leave (so a form error shows without a round trip, with the same Indonesian message as the server's),
 * and every response is parsed with its schema, so the rest of the app only sees typed data.
 */
import type { z } from 'zod';
import { errorBody } from '#shared/api/common.ts';
import type { ErrorCode, FieldIssue } from '#shared/errors.ts';

/** Catalog codes from the server plus the two failures only the browser can see. */
export type ClientErrorCode = ErrorCode | 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ClientErrorCode;
  /** Messages for people, as the server sent them (null for browser-side failures). */
  readonly messageId: string | null;
  readonly messageEn: string | null;
  readonly issues: FieldIssue[];
  readonly requestId: string | null;

  constructor(init: {
    status: number;
    code: ClientErrorCode;
    messageId?: string | null;
    messageEn?: string | null;
    issues?: FieldIssue[];
    requestId?: string | null;
  }) {
    super(init.messageEn ?? init.code);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.messageId = init.messageId ?? null;
    this.messageEn = init.messageEn ?? null;
    this.issues = init.issues ?? [];
    this.requestId = init.requestId ?? null;
  }
}

export function isApiError(error: unknown, code?: ClientErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** What support needs to find a failed request in the logs; kept apart from the message people read. */
export interface TechnicalDetails {
  code: ClientErrorCode;
  status: number;
  requestId: string | null;
}

export function technicalDetailsOf(error: unknown): TechnicalDetails | null {
  if (!(error instanceof ApiError)) return null;
  return { code: error.code, status: error.status, requestId: error.requestId };
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

/** `/a/b` plus the non-empty parameters, in a stable order. */
export function withQuery(path: string, query?: QueryParams): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Encodes each dynamic path segment: `apiPath('regions', code, 'units')`. */
export function apiPath(...segments: string[]): string {
  return `/api/v1/${segments.map(encodeURIComponent).join('/')}`;
}

function errorFrom(status: number, json: unknown): ApiError {
  const parsed = errorBody.safeParse(json);
  if (!parsed.success) return new ApiError({ status, code: 'UNEXPECTED_RESPONSE' });
  const e = parsed.data.error;
  return new ApiError({
    status,
    code: e.code,
    messageId: e.message,
    messageEn: e.messageEn,
    issues: e.issues ?? [],
    requestId: e.requestId ?? null,
  });
}

async function readError(response: Response): Promise<ApiError> {
  const json: unknown = await response.json().catch(() => null);
  return errorFrom(response.status, json);
}

async function call<R extends z.ZodType>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  responseSchema: R,
  body?: { content: BodyInit; type: string; headers?: Record<string, string> },
): Promise<z.output<R>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(body ? { 'content-type': body.type, ...body.headers } : {}) },
      ...(body ? { body: body.content } : {}),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR' });
  }
  if (!response.ok) throw await readError(response);
  const json: unknown = await response.json().catch(() => undefined);
  const parsed = responseSchema.safeParse(json);
  if (!parsed.success) throw new ApiError({ status: response.status, code: 'UNEXPECTED_RESPONSE' });
  return parsed.data;
}

export function getJson<R extends z.ZodType>(path: string, responseSchema: R, query?: QueryParams): Promise<z.output<R>> {
  return call('GET', withQuery(path, query), responseSchema);
}

/**
 * Sends `input` as JSON after checking it with `bodySchema` (the same schema the server validates
 * with). A failed check becomes the same VALIDATION_FAILED error the server would answer, with fields
 * named `body.<field>`.
 */
export function sendJson<B extends z.ZodType, R extends z.ZodType>(
  method: 'POST' | 'PUT' | 'DELETE',
  path: string,
  bodySchema: B,
  input: z.input<B>,
  responseSchema: R,
): Promise<z.output<R>> {
  const checked = bodySchema.safeParse(input);
  if (!checked.success) {
    const issues = checked.error.issues.map((i) => ({ field: ['body', ...i.path.map(String)].join('.'), reason: i.message }));
    return Promise.reject(new ApiError({ status: 400, code: 'VALIDATION_FAILED', issues }));
  }
  return call(method, path, responseSchema, { content: JSON.stringify(checked.data), type: 'application/json' });
}

/** A request without a body (DELETE, or a POST that only acts). */
export function sendEmpty<R extends z.ZodType>(method: 'POST' | 'DELETE', path: string, responseSchema: R): Promise<z.output<R>> {
  return call(method, path, responseSchema);
}

/** Uploads a file as the raw request body. */
export function sendFile<R extends z.ZodType>(path: string, file: Blob, type: string, responseSchema: R): Promise<z.output<R>> {
  return call('POST', path, responseSchema, { content: file, type });
}

/**
 * Uploads a document as the raw body with its name in the `x-file-name` header, for the attachments
 * that keep the file's own name (the server still checks the content by its bytes).
 */
export function sendNamedFile<R extends z.ZodType>(path: string, file: File, responseSchema: R): Promise<z.output<R>> {
  const type = file.type || 'application/octet-stream';
  return call('POST', path, responseSchema, { content: file, type, headers: { 'x-file-name': encodeURIComponent(file.name) } });
}

function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Uploads a file as the raw request body and reports how much of it has been sent (0 to 1): `fetch`
 * cannot report upload progress, so this one request goes through XMLHttpRequest. Errors are the same
 * `ApiError`s as everywhere else; aborting through `signal` rejects with NETWORK_ERROR.
 */
export function sendFileWithProgress<R extends z.ZodType>(
  path: string,
  file: Blob,
  type: string,
  responseSchema: R,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<z.output<R>> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('accept', 'application/json');
    request.setRequestHeader('content-type', type);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const json = parseJsonText(request.responseText);
      if (request.status < 200 || request.status >= 300) {
        reject(errorFrom(request.status, json));
        return;
      }
      const parsed = responseSchema.safeParse(json);
      if (parsed.success) resolve(parsed.data);
      else reject(new ApiError({ status: request.status, code: 'UNEXPECTED_RESPONSE' }));
    };
    request.onerror = () => reject(new ApiError({ status: 0, code: 'NETWORK_ERROR' }));
    request.onabort = () => reject(new ApiError({ status: 0, code: 'NETWORK_ERROR' }));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(file);
  });
}
