import { EdgePurgeError } from './edge-purger.ts';

/**
 * One purge request with a time limit. Anything but a 2xx answer is an EdgePurgeError carrying the
 * status and the start of the body (never the request's credentials), so the job log says what went wrong.
 */
export async function purgeRequest(
  what: string,
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
  timeoutMs: number,
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError' ? `no answer in ${timeoutMs} ms` : cause(error);
    throw new EdgePurgeError(`${what}: could not reach ${new URL(url).origin}: ${reason}`);
  }
  if (!response.ok) {
    const body = (await response.text().catch(() => '')).replace(/\s+/g, ' ').trim().slice(0, 300);
    throw new EdgePurgeError(
      `${what} answered ${response.status}${body ? `: ${body}` : ''}`,
      response.status,
    );
  }
  return response;
}

/** fetch() wraps network errors ("fetch failed"); the useful part (ECONNREFUSED …) is in the cause. */
function cause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const inner = error.cause instanceof Error ? error.cause.message : undefined;
  return inner ? `${error.message} (${inner})` : error.message;
}
