/**
 * Turns anything thrown during a request into the catalog's error body. Malformed input becomes 400
 * with the field and the reason; nothing unexpected leaks a stack trace, it is logged instead.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ERROR_CATALOG, type ErrorBody, type ErrorCode, type FieldIssue } from '#shared/errors.ts';
import { AppError } from './app-error.ts';

export function errorBody(code: ErrorCode, requestId: string, issues?: FieldIssue[]): ErrorBody {
  const entry = ERROR_CATALOG[code];
  return {
    error: { code, message: entry.id, messageEn: entry.en, requestId, ...(issues ? { issues } : {}) },
  };
}

export function sendError(reply: FastifyReply, code: ErrorCode, issues?: FieldIssue[]): FastifyReply {
  return reply.status(ERROR_CATALOG[code].status).send(errorBody(code, reply.request.id, issues));
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_REQUEST',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_REQUEST',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof AppError) {
    if (error.status >= 500) request.log.error({ err: error }, 'application error');
    return sendError(reply, error.code, error.issues);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      field: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.'),
      reason: v.message ?? 'tidak valid',
    }));
    return sendError(reply, 'VALIDATION_FAILED', issues);
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
    return sendError(reply, 'INTERNAL');
  }
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (mapped) return sendError(reply, mapped);
  if (error.statusCode === 429) return sendError(reply, 'RATE_LIMITED');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    request.log.info({ err: error }, 'client error');
    return sendError(reply, 'MALFORMED_REQUEST');
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendError(reply, 'INTERNAL');
}
