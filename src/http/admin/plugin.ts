import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance } from 'fastify';
import { h } from 'preact';
import { DomainError } from '../../shared/errors.ts';
import type { HttpDeps } from '../deps.ts';
import { registerAdminApi } from './api.routes.ts';
import { registerAuthRoutes } from './auth.routes.ts';
import { registerInsightsRoutes } from './insights.routes.ts';
import { registerPageRoutes } from './pages.routes.ts';
import { sendAdmin } from './render.ts';
import { bodyField, formCookie, sameToken, sessionCookie } from './session.ts';

/** Paths that work without a session: signing in, first-run setup, invitations, password resets. */
const publicPaths = /^\/admin\/(sign-in|setup\/|invite\/|reset(\/|$))/;

/** The newsroom: sessions, CSRF and permissions live only inside this plugin. */
export async function adminPlugin(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 2 * 1024 * 1024 });
  // Fields and the file land on request.body, so the CSRF check below sees the form's token.
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: deps.config.maxUploadBytes, files: 1, fields: 10 },
  });
  app.decorateRequest('session', undefined);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    request.session = await deps.users.session(request.cookies[sessionCookie]);
    const path = request.url.split('?')[0] ?? '';
    if (request.session || publicPaths.test(path)) return;
    if (path.startsWith('/admin/api/')) throw new DomainError('unauthenticated', 'Sign in to continue.');
    const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : '';
    return reply.redirect(`/admin/sign-in${next}`, 303);
  });

  // CSRF: every state-changing request carries the session's token (header for the editor, field for
  // forms); forms used before signing in carry a double-submit token instead.
  app.addHook('preHandler', async (request) => {
    if (request.method === 'GET' || request.method === 'HEAD') return;
    const sent = (request.headers['x-csrf-token'] as string | undefined) ?? bodyField(request.body, '_csrf');
    const path = request.url.split('?')[0] ?? '';
    const expected = publicPaths.test(path) ? request.cookies[formCookie] : request.session?.csrfToken;
    if (!sameToken(sent, expected)) {
      throw new DomainError(
        'csrf',
        'This form has expired or did not come from this site. Reload the page and try again.',
      );
    }
  });

  app.setErrorHandler(async (error: FastifyError | DomainError, request, reply) => {
    const status =
      error instanceof DomainError
        ? error.status
        : error.statusCode && error.statusCode < 500
          ? error.statusCode
          : 500;
    const code =
      error instanceof DomainError
        ? error.code
        : status === 413
          ? 'too_large'
          : status < 500
            ? 'bad_request'
            : 'internal';
    const message =
      status >= 500
        ? 'Something went wrong on our side. Your work is safe; try again in a moment.'
        : status === 413
          ? `That file is too large. The limit is ${Math.round(deps.config.maxUploadBytes / 1048576)} MB.`
          : error.message;
    if (status >= 500) request.log.error({ err: error }, 'admin request failed');
    if (request.url.startsWith('/admin/api/'))
      return reply.code(status).header('cache-control', 'no-store').send({ code, message });
    if (status === 401) return reply.redirect('/admin/sign-in', 303);
    return sendAdmin(
      deps,
      request,
      reply,
      h(
        'section',
        { class: 'problem-card' },
        h('h1', null, 'That did not work'),
        h('p', { role: 'alert' }, message),
        h('p', null, h('a', { href: '/admin' }, 'Back to the newsroom')),
      ),
      {
        title: 'Problem',
        status,
      },
    );
  });

  registerAuthRoutes(app, deps);
  registerPageRoutes(app, deps);
  registerAdminApi(app, deps);
  registerInsightsRoutes(app, deps);
}
