import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { InsightsPage } from '../../render/pages/admin/insights-page.tsx';
import { DomainError } from '../../shared/errors.ts';
import type { HttpDeps } from '../deps.ts';
import { parseId } from './pages.routes.ts';
import { sendAdmin } from './render.ts';
import { actorOfRequest, bodyField } from './session.ts';

type Params = { Params: { id: string } };
const week = 7 * 86_400_000;

/** Per-article insights: readers over the last week and the editor's say over related stories. */
export function registerInsightsRoutes(app: FastifyInstance, deps: HttpDeps): void {
  app.get<Params & { Querystring: { q?: string } }>(
    '/admin/articles/:id/insights',
    async (request, reply) => {
      const actor = actorOfRequest(request);
      const id = parseId(request.params.id);
      const article = await deps.editorial.get(actor, id);
      const now = request.ctx.now;
      const hourStart = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
      const q = String(request.query.q ?? '').slice(0, 100);
      const [hours, related, overrides, candidates] = await Promise.all([
        deps.views.viewsByHour(
          id,
          new Date(hourStart.getTime() - week),
          new Date(hourStart.getTime() + 3_600_000),
        ),
        deps.related.preview(id, article.body),
        deps.related.overrides(id),
        q ? deps.editorial.searchForPicker(actor, q) : Promise.resolve([]),
      ]);
      const [pinned, excluded] = await Promise.all([
        deps.articles.cardsByIds(overrides.pinned),
        deps.articles.cardsByIds(overrides.excluded),
      ]);
      return sendAdmin(
        deps,
        request,
        reply,
        h(InsightsPage, {
          articleId: id,
          headline: article.headline || 'Untitled draft',
          csrf: request.session?.csrfToken ?? '',
          timeZone: deps.config.timeZone,
          hours,
          related,
          pinned,
          excluded,
          candidates: candidates.filter((c) => c.id !== id && c.status === 'published'),
          q,
          canEdit: article.permissions.canEdit,
        }),
        { title: 'Insights', active: 'dashboard' },
      );
    },
  );

  app.post<Params>('/admin/articles/:id/insights', async (request, reply) => {
    const actor = actorOfRequest(request);
    const id = parseId(request.params.id);
    const target = parseId(bodyField(request.body, 'target'));
    const action = bodyField(request.body, 'action');
    const current = await deps.related.overrides(id);
    const without = (list: number[]) => list.filter((x) => x !== target);
    const next =
      action === 'pin'
        ? { pinned: [...without(current.pinned), target], excluded: without(current.excluded) }
        : action === 'unpin'
          ? { pinned: without(current.pinned), excluded: current.excluded }
          : action === 'exclude'
            ? { pinned: without(current.pinned), excluded: [...without(current.excluded), target] }
            : action === 'include'
              ? { pinned: current.pinned, excluded: without(current.excluded) }
              : undefined;
    if (!next) throw new DomainError('bad_request', 'Unknown action.');
    await deps.related.setOverrides(actor, id, next);
    return reply.redirect(`/admin/articles/${id}/insights`, 303);
  });
}
