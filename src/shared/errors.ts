/**
 * Domain errors carry a stable code (documented in docs/errors.md) and the HTTP status they map to, so
 * services can fail precisely without knowing about HTTP.
 */
export type ErrorCode = 'not_found' | 'bad_request' | 'validation_failed' | 'conflict' | 'forbidden';

const statusByCode: Record<ErrorCode, number> = {
  not_found: 404,
  bad_request: 400,
  validation_failed: 400,
  conflict: 409,
  forbidden: 403,
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
