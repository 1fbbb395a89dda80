import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../shared/errors.ts';
import { sameToken } from '../admin/session.ts';
import type { HttpDeps } from '../deps.ts';

/** Double-submit token for the opt-in's requests; only /push sees it, and no other site can send it. */
const tokenCookie = 'bs_push';
const tokenPattern = /^[A-Za-z0-9_-]{32}$/;
/** A subscription is about 600 bytes of JSON; nothing larger is one. */
const bodyLimit = 4096;

/** The service worker, bundled by scripts/build-client.mjs; absent until the client is built. */
function loadServiceWorker(): Buffer | undefined {
  try {
    return readFileSync(fileURLToPath(new URL('../../../public/assets/sw.js', import.meta.url)));
  } catch {
    return undefined;
  }
}

/**
 * The reader's side of breaking-news alerts: the service worker at /sw.js (scope "/"), the VAPID public
 * key, and subscribing and unsubscribing. Nothing here is cached: answers depend on the browser.
 */
export function registerPushRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const worker = loadServiceWorker();
  // Served from the root so its scope is the whole site without a Service-Worker-Allowed header; no-cache
  // so browsers check for a new version on every update check (a 304 when it has not changed).
  app.get('/sw.js', async (_request, reply) => {
    if (!worker) throw new DomainError('not_found', 'The service worker has not been built.');
    return reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(worker);
  });

  app.register(async (scope) => {
    await scope.register(cookie);
    scope.addHook('onRequest', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });
    scope.setErrorHandler(async (error: FastifyError | DomainError, request, reply) => {
      const { status, code, message } = problem(error);
      if (status >= 500) request.log.error({ err: error }, 'push request failed');
      return reply.code(status).send({ code, message });
    });

    // The key to subscribe with, and the token the next request must echo (set as a cookie too).
    scope.get('/push/key', async (request, reply) => {
      const publicKey = await deps.push.publicKey();
      return { publicKey, token: pushToken(request, reply, deps.config.secureCookies) };
    });

    scope.post('/push/subscriptions', { bodyLimit }, async (request, reply) => {
      sameSiteRequest(request);
      await deps.push.subscribe(request.body, request.ip);
      return reply.code(201).send({ subscribed: true });
    });

    scope.delete('/push/subscriptions', { bodyLimit }, async (request, reply) => {
      sameSiteRequest(request);
      await deps.push.unsubscribe(request.body, request.ip);
      return reply.code(204).send();
    });
  });
}

function pushToken(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const existing = request.cookies[tokenCookie];
  if (existing && tokenPattern.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  reply.setCookie(tokenCookie, token, { path: '/push', httpOnly: true, sameSite: 'strict', secure });
  return token;
}

/**
 * Only our own pages may change a subscription: browsers mark cross-site requests (Sec-Fetch-Site), and
 * the token a page got from GET /push/key must come back in a header that only same-origin script can
 * set, matching the cookie. (The JSON body already needs a CORS preflight, which we never grant.)
 */
function sameSiteRequest(request: FastifyRequest): void {
  const site = request.headers['sec-fetch-site'];
  const sent = request.headers['x-push-token'];
  const fromElsewhere = site !== undefined && site !== 'same-origin';
  if (fromElsewhere || typeof sent !== 'string' || !sameToken(sent, request.cookies[tokenCookie])) {
    throw new DomainError('csrf', 'This request did not come from this site. Reload the page and try again.');
  }
}

function problem(error: FastifyError | DomainError): { status: number; code: string; message: string } {
  if (error instanceof DomainError) return { status: error.status, code: error.code, message: error.message };
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 413) return { status, code: 'too_large', message: 'That request is too large.' };
  if (status === 415)
    return { status, code: 'unsupported_media', message: 'Send the subscription as application/json.' };
  if (status < 500) return { status, code: 'bad_request', message: 'That request could not be read.' };
  return { status, code: 'internal', message: 'Something went wrong on our side. Try again in a moment.' };
}
