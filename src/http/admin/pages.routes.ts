import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Fragment, h } from 'preact';
import type { ArticleStatus } from '../../modules/articles/index.ts';
import { labels } from '../../modules/articles/index.ts';
import { renderDocument } from '../../render/document.tsx';
import { DashboardPage, statusNames } from '../../render/pages/admin/dashboard-page.tsx';
import { HomeCurationPage } from '../../render/pages/admin/home-page-curation.tsx';
import { MediaPage } from '../../render/pages/admin/media-page.tsx';
import { PushEntry } from '../../render/pages/admin/push-entry.tsx';
import { UsersPage } from '../../render/pages/admin/users-page.tsx';
import { ArticlePage } from '../../render/pages/site/article-page.tsx';
import { DomainError } from '../../shared/errors.ts';
import type { HttpDeps } from '../deps.ts';
import { siteInfo } from '../site/site-info.ts';
import { sendAdmin } from './render.ts';
import { actorOfRequest, bodyField } from './session.ts';

type IdParams = { Params: { id: string } };

export function parseId(value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new DomainError('not_found', 'That was not found.');
  return Number(value);
}

function asStatus(value: unknown): ArticleStatus | undefined {
  return typeof value === 'string' && value in statusNames ? (value as ArticleStatus) : undefined;
}

function uploadedFile(request: FastifyRequest): Buffer | undefined {
  const file = (request.body as Record<string, unknown> | undefined)?.file;
  return Buffer.isBuffer(file) && file.length > 0 ? file : undefined;
}

export function registerPageRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const { editorial, users, media } = deps;

  app.get<{ Querystring: { status?: string; q?: string } }>('/admin', async (request, reply) => {
    const actor = actorOfRequest(request);
    const status = asStatus(request.query.status);
    const q = String(request.query.q ?? '').slice(0, 100);
    const rows = await editorial.dashboard(actor, { status, q });
    return sendAdmin(
      deps,
      request,
      reply,
      h(DashboardPage, {
        rows,
        status,
        q,
        csrf: request.session?.csrfToken ?? '',
        timeZone: deps.config.timeZone,
        canCreate: users.can(actor, 'article.create'),
      }),
      { title: 'Articles', active: 'dashboard' },
    );
  });

  app.post('/admin/articles', async (request, reply) => {
    const article = await editorial.create(actorOfRequest(request));
    return reply.redirect(`/admin/articles/${article.id}`, 303);
  });

  app.get<IdParams>('/admin/articles/:id', async (request, reply) => {
    const actor = actorOfRequest(request);
    const article = await editorial.get(actor, parseId(request.params.id));
    const sections = (await deps.articles.sections()).map(({ id, name }) => ({ id, name }));
    const me = request.session?.user;
    return sendAdmin(
      deps,
      request,
      reply,
      h(
        Fragment,
        null,
        // Editors may push a published story to readers who opted in (routes in push.routes.ts).
        article.status === 'published' &&
          deps.push.enabled &&
          users.can(actor, 'push.send') &&
          h(PushEntry, { articleId: article.id, breaking: article.label === 'breaking' }),
        h(
          'div',
          { id: 'editor-root', class: 'editor-root' },
          h('noscript', null, 'The editor needs JavaScript.'),
        ),
      ),
      {
        title: article.headline || 'Untitled draft',
        active: 'dashboard',
        stylesheets: [deps.assets.url('editor.css')],
        scripts: [deps.assets.url('editor.js')],
        data: {
          id: 'editor-data',
          value: {
            article,
            sections,
            labels,
            me: me ? { id: me.id, name: me.name, role: me.role } : null,
            timeZone: deps.config.timeZone,
          },
        },
      },
    );
  });

  app.get<IdParams>('/admin/articles/:id/preview', async (request, reply) => {
    const data = await editorial.preview(actorOfRequest(request), parseId(request.params.id));
    const site = await siteInfo(deps, request);
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-robots-tag', 'noindex')
      .send(renderDocument(h(ArticlePage, { site, data })));
  });

  app.get<{ Querystring: { q?: string; page?: string; saved?: string; error?: string } }>(
    '/admin/media',
    async (request, reply) => {
      const q = String(request.query.q ?? '').slice(0, 100);
      const library = await media.library(actorOfRequest(request), q, Number(request.query.page ?? 1));
      return sendAdmin(
        deps,
        request,
        reply,
        h(MediaPage, {
          ...library,
          q,
          csrf: request.session?.csrfToken ?? '',
          maxUploadMb: Math.round(deps.config.maxUploadBytes / 1048576),
          message: request.query.saved ? 'Saved.' : undefined,
        }),
        { title: 'Media library', active: 'media' },
      );
    },
  );

  app.post('/admin/media', async (request, reply) => {
    const file = uploadedFile(request);
    if (!file) throw new DomainError('validation_failed', 'Choose a picture to upload.');
    await media.upload(actorOfRequest(request), file, {
      alt: bodyField(request.body, 'alt'),
      caption: bodyField(request.body, 'caption'),
      credit: bodyField(request.body, 'credit'),
    });
    return reply.redirect('/admin/media?saved=1', 303);
  });

  app.post<IdParams>('/admin/media/:id', async (request, reply) => {
    const percent = (name: string) => {
      const value = Number(bodyField(request.body, name));
      return Number.isFinite(value) ? Math.min(100, Math.max(0, value)) / 100 : undefined;
    };
    await media.updateMetadata(actorOfRequest(request), parseId(request.params.id), {
      alt: bodyField(request.body, 'alt'),
      caption: bodyField(request.body, 'caption'),
      credit: bodyField(request.body, 'credit'),
      focalX: percent('focalX'),
      focalY: percent('focalY'),
    });
    return reply.redirect('/admin/media?saved=1', 303);
  });

  app.get<{ Querystring: { saved?: string } }>('/admin/home', async (request, reply) => {
    const candidates = await editorial.homeCandidates(actorOfRequest(request));
    return sendAdmin(
      deps,
      request,
      reply,
      h(HomeCurationPage, {
        candidates,
        csrf: request.session?.csrfToken ?? '',
        saved: Boolean(request.query.saved),
      }),
      {
        title: 'Home page',
        active: 'home',
      },
    );
  });

  app.post('/admin/home', async (request, reply) => {
    const entries = Object.entries((request.body as Record<string, unknown>) ?? {})
      .flatMap(([key, value]) => {
        const id = /^pos_(\d{1,9})$/.exec(key)?.[1];
        const position = Number(value);
        return id && typeof value === 'string' && value !== '' && Number.isInteger(position)
          ? [{ id: Number(id), position }]
          : [];
      })
      .sort((a, b) => a.position - b.position);
    await editorial.setHomeOrder(
      actorOfRequest(request),
      entries.map((e) => e.id),
    );
    return reply.redirect('/admin/home?saved=1', 303);
  });

  app.get('/admin/users', async (request, reply) => {
    const actor = actorOfRequest(request);
    const list = await users.list(actor);
    const me = request.session?.user;
    if (!me) throw new DomainError('unauthenticated', 'Sign in to continue.');
    return sendAdmin(
      deps,
      request,
      reply,
      h(UsersPage, { users: list, me, csrf: request.session?.csrfToken ?? '' }),
      { title: 'People', active: 'users' },
    );
  });

  app.post('/admin/users/invite', async (request, reply) => {
    const actor = actorOfRequest(request);
    const me = request.session?.user;
    if (!me) throw new DomainError('unauthenticated', 'Sign in to continue.');
    const link = await users.invite(actor, {
      email: bodyField(request.body, 'email'),
      role: bodyField(request.body, 'role'),
    });
    const list = await users.list(actor);
    return sendAdmin(
      deps,
      request,
      reply,
      h(UsersPage, {
        users: list,
        me,
        csrf: request.session?.csrfToken ?? '',
        inviteLink: deps.config.smtpUrl ? undefined : link,
      }),
      {
        title: 'People',
        active: 'users',
      },
    );
  });

  app.post<IdParams>('/admin/users/:id/role', async (request, reply) => {
    await users.changeRole(
      actorOfRequest(request),
      parseId(request.params.id),
      bodyField(request.body, 'role'),
    );
    return reply.redirect('/admin/users', 303);
  });

  for (const action of ['enable', 'disable'] as const) {
    app.post<IdParams>(`/admin/users/:id/${action}`, async (request, reply) => {
      await users.setDisabled(actorOfRequest(request), parseId(request.params.id), action === 'disable');
      return reply.redirect('/admin/users', 303);
    });
  }
}
