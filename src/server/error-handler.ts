/**
 * One place that turns every error into an RFC 9457 problem document (application/problem+json).
 * Validation errors name the bad field; 5xx never leak internals (the log has them).
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { APP_ERROR_STATUS, AppError, type FieldError } from '../shared/app-error.js';

/** The problem document shape we emit. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Refused by a rule',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** Sends a problem document. */
export function sendProblem(reply: FastifyReply, status: number, detail: string, errors?: FieldError[], extensions: Record<string, unknown> = {}): FastifyReply {
  const body: Problem = { ...extensions, type: `https://xinqiao.dev/problems/${status}`, title: TITLES[status] ?? 'Error', status, detail, instance: reply.request.url };
  if (errors?.length) body.errors = errors;
  return reply.code(status).type('application/problem+json').send(body);
}

const LOCATION: Record<string, string> = { querystring: 'query', params: 'path', body: 'body', headers: 'header' };

/** Installs the error handler (the not-found handler lives with the web fallback in app.ts). */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = LOCATION[(error as { validationContext?: string }).validationContext ?? ''] ?? 'request';
      const errors = error.validation.map((v) => {
        const field = [where, ...v.instancePath.split('/').filter(Boolean)].join('.');
        return { field, detail: v.message ?? 'is invalid' };
      });
      return sendProblem(reply, 400, errors.map((e) => `${e.field}: ${e.detail}`).join('; '), errors);
    }
    if (error instanceof AppError) return sendProblem(reply, APP_ERROR_STATUS[error.code], error.detail, error.errors, error.extensions);
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response failed its schema');
      return sendProblem(reply, 500, 'The server produced an invalid response; it has been logged.');
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(reply, status, 'Something went wrong on our side; it has been logged.');
    }
    // Fastify's own 4xx (malformed JSON, body too large, bad content type) carry safe messages.
    return sendProblem(reply, status, error.message);
  });
}
