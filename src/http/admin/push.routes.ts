import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { type PushForm, PushPage } from '../../render/pages/admin/push-page.tsx';
import { DomainError } from '../../shared/errors.ts';
import type { HttpDeps } from '../deps.ts';
import { parseId } from './pages.routes.ts';
import { sendAdmin } from './render.ts';
import { actorOfRequest, bodyField } from './session.ts';

type PushParams = { Params: { id: string }; Querystring: { sent?: string } };

/**
 * "Send push notification" for a published story: a confirm page and its form. Registered inside the
 * admin plugin's scope (see app/build-server.ts), so sessions and CSRF apply; PushService checks the
 * `push.send` permission.
 */
export function registerPushAdmin(app: FastifyInstance, deps: HttpDeps): void {
  const page = async (
    request: FastifyRequest<PushParams>,
    reply: FastifyReply,
    options: { sentId?: number; error?: { message: string; form: PushForm } } = {},
  ) => {
    const draft = await deps.push.draft(actorOfRequest(request), parseId(request.params.id));
    return sendAdmin(
      deps,
      request,
      reply,
      h(PushPage, {
        draft,
        csrf: request.session?.csrfToken ?? '',
        requestKey: randomBytes(18).toString('base64url'),
        timeZone: deps.config.timeZone,
        ...options,
      }),
      { title: 'Send push notification', active: 'dashboard', status: options.error ? 400 : 200 },
    );
  };

  app.get<PushParams>('/admin/articles/:id/push', async (request, reply) => {
    const sent = Number(request.query.sent);
    return page(request, reply, { sentId: Number.isSafeInteger(sent) && sent > 0 ? sent : undefined });
  });

  app.post<PushParams>('/admin/articles/:id/push', async (request, reply) => {
    const id = parseId(request.params.id);
    const form = { title: bodyField(request.body, 'title'), body: bodyField(request.body, 'body') };
    try {
      const pushId = await deps.push.send(actorOfRequest(request), id, {
        ...form,
        requestKey: bodyField(request.body, 'requestKey'),
      });
      return reply.redirect(`/admin/articles/${id}/push?sent=${pushId}#push-${pushId}`, 303);
    } catch (error) {
      // Words that do not fit come back with the form, as typed; anything else is the usual problem page.
      if (error instanceof DomainError && error.code === 'validation_failed') {
        return page(request, reply, { error: { message: error.message, form } });
      }
      throw error;
    }
  });
}
