/** What every service call knows about its caller. Built per request by the HTTP layer. */
export interface RequestContext {
  requestId: string;
  now: Date;
}

export function systemContext(now = new Date()): RequestContext {
  return { requestId: 'system', now };
}
