import type { FastifyInstance, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { articlePath, referencedArticleIds, referencedMediaIds } from '../../modules/articles/index.ts';
import { blocksToText, type LiveEntry } from '../../modules/liveblogs/index.ts';
import type { Actor } from '../../modules/users/index.ts';
import { ConsoleItem, LiveConsolePage, LiveListPage } from '../../render/pages/admin/live-console-page.tsx';
import type { HttpDeps } from '../deps.ts';
import { parseId } from './pages.routes.ts';
import { sendAdmin } from './render.ts';
import { actorOfRequest } from './session.ts';

type IdParams = { Params: { id: string } };

/**
 * The live console: a page per blog and the JSON it works with. Inside the admin scope, so sessions,
 * CSRF and the error format are the newsroom's; permissions are checked by LiveBlogsService.
 */
export function registerLiveBlogAdmin(app: FastifyInstance, deps: HttpDeps): void {
  const { liveblogs } = deps;

  /** The console's data: the blog and its entries as readers see them, each with its quick actions. */
  const consoleData = async (actor: Actor, articleId: number, now: Date) => {
    const data = await liveblogs.console(actor, articleId);
    const bodies = data.entries.map((e) => e.body);
    const [linked, images] = await Promise.all([
      deps.articles.cardsByIds([...new Set(bodies.flatMap((b) => referencedArticleIds(b)))]),
      deps.media.imagesById([...new Set(bodies.flatMap((b) => referencedMediaIds(b)))]),
    ]);
    const ctx = { linked: new Map(linked.map((c) => [c.id, c])), images };
    const articleUrl = articlePath(data.article.sectionSlug, data.article.slug);
    const items = data.entries.map((entry) => ({
      entry,
      ctx,
      articleUrl,
      timeZone: deps.config.timeZone,
      now,
      canManage: data.canManage,
    }));
    return { ...data, articleUrl, items };
  };

  const entryJson = (entry: LiveEntry) => ({
    id: entry.id,
    version: entry.version,
    title: entry.title,
    text: blocksToText(entry.body),
    keyEvent: entry.keyEvent,
    pinned: entry.pinned,
    postedAt: entry.postedAt.toISOString(),
  });

  app.get('/admin/live', async (request, reply) => {
    const rows = await liveblogs.newsroomList(actorOfRequest(request));
    return sendAdmin(deps, request, reply, h(LiveListPage, { rows, timeZone: deps.config.timeZone }), {
      title: 'Live blogs',
    });
  });

  app.get<IdParams>('/admin/live/:id', async (request, reply) => {
    const data = await consoleData(actorOfRequest(request), parseId(request.params.id), request.ctx.now);
    return sendAdmin(
      deps,
      request,
      reply,
      h(LiveConsolePage, {
        article: data.article,
        articleUrl: data.articleUrl,
        state: data.state,
        items: data.items,
        total: data.total,
        canManage: data.canManage,
        topic: `liveblog:${data.article.id}`,
      }),
      {
        title: `Live: ${data.article.headline || 'Untitled'}`,
        scripts: [deps.assets.url('live-console.js')],
      },
    );
  });

  // The list as it now stands, rendered by the same components as the page (the island swaps it in).
  app.get<IdParams>('/admin/api/live/:id', async (request) => {
    const data = await consoleData(actorOfRequest(request), parseId(request.params.id), request.ctx.now);
    return {
      live: data.state.endedAt === null,
      endedAt: data.state.endedAt?.toISOString() ?? null,
      total: data.total,
      entries: data.entries.map(entryJson),
      html: data.items.map((item) => renderToString(h(ConsoleItem, item))).join(''),
    };
  });

  app.post<IdParams>('/admin/api/live/:id/entries', async (request, reply) => {
    const entry = await liveblogs.post(actorOfRequest(request), parseId(request.params.id), request.body);
    return reply.code(201).send(entryJson(entry));
  });

  app.patch<IdParams>('/admin/api/live/entries/:id', async (request) =>
    entryJson(await liveblogs.edit(actorOfRequest(request), parseId(request.params.id), request.body)),
  );

  app.post<IdParams>('/admin/api/live/entries/:id/delete', async (request, reply) => {
    await liveblogs.remove(actorOfRequest(request), parseId(request.params.id), request.body);
    return reply.code(204).send();
  });

  for (const action of ['end', 'reopen'] as const) {
    app.post<IdParams>(`/admin/api/live/:id/${action}`, async (request: FastifyRequest<IdParams>) => {
      const state = await liveblogs[action](actorOfRequest(request), parseId(request.params.id));
      return { live: state.endedAt === null, endedAt: state.endedAt?.toISOString() ?? null };
    });
  }
}
