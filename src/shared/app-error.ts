/**
 * Typed application errors. Services throw these; the HTTP layer maps the code to a status and an
 * RFC 9457 problem document, the CLI to a readable message and exit code.
 */

/** Every error code a service may raise. */
export type AppErrorCode = 'not_found' | 'invalid_input' | 'conflict' | 'forbidden' | 'unauthenticated' | 'unavailable' | 'payload_too_large' | 'unsupported_media_type' | 'refused';

/** A field-level problem, named by JSON pointer or column name. */
export interface FieldError {
  field: string;
  detail: string;
}

/** An expected failure with a user-facing detail message. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    /** Extra members of the problem document (RFC 9457 §3.2), e.g. the compliance rule that refused. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'AppError';
  }
}

/** HTTP status for each code (used only by the server's error handler). */
export const APP_ERROR_STATUS: Record<AppErrorCode, number> = {
  not_found: 404,
  invalid_input: 400,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  unavailable: 503,
  payload_too_large: 413,
  unsupported_media_type: 415,
  refused: 422,
};
