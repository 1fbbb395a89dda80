/**
 * Domain errors carry a stable code (documented in docs/errors.md) and the HTTP status they map to, so
 * services can fail precisely without knowing about HTTP.
 */
export type ErrorCode =
  | 'not_found'
  | 'bad_request'
  | 'validation_failed'
  | 'conflict'
  | 'forbidden'
  | 'unauthenticated'
  | 'csrf'
  | 'rate_limited'
  | 'too_large'
  | 'unsupported_media';

const statusByCode: Record<ErrorCode, number> = {
  not_found: 404,
  bad_request: 400,
  validation_failed: 400,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  csrf: 403,
  rate_limited: 429,
  too_large: 413,
  unsupported_media: 415,
};

export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
    this.status = statusByCode[code];
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} was not found.`);
export const badRequest = (message: string, details?: unknown) =>
  new DomainError('bad_request', message, details);

export const forbidden = (message = 'You do not have permission to do that.') =>
  new DomainError('forbidden', message);
