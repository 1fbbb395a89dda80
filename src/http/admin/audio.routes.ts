import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { audioPath } from '../../modules/audio/index.ts';
import { AudioPage } from '../../render/pages/admin/audio-page.tsx';
import { DomainError } from '../../shared/errors.ts';
import type { HttpDeps } from '../deps.ts';
import { parsePage } from '../site/params.ts';
import { sendAdmin } from './render.ts';
import { actorOfRequest, bodyField } from './session.ts';

/**
 * The newsroom's audio page and its JSON twin. Registered inside the admin plugin's scope (see
 * app/build-server.ts), so sessions, CSRF and the admin error pages apply; the audio service checks
 * permissions (regenerating needs an editor, choosing the voice an administrator).
 */
export function registerAudioAdmin(app: FastifyInstance, deps: HttpDeps): void {
  const { audio, users } = deps;
  const publishedResource = { createdBy: null, status: 'published' };

  const parseId = (value: string): number => {
    if (!/^\d{1,9}$/.test(value)) throw new DomainError('not_found', 'That article was not found.');
    return Number(value);
  };

  const notices: Record<string, string> = {
    regenerating: 'The article will be recorded again in a moment.',
    voice: 'Voice changed. Every article is being recorded again in the background.',
  };

  app.get<{ Querystring: { page?: string; done?: string } }>('/admin/audio', async (request, reply) => {
    const actor = actorOfRequest(request);
    const list = await audio.statusPage(parsePage(request.query));
    return sendAdmin(
      deps,
      request,
      reply,
      h(AudioPage, {
        list,
        engine: audio.engineLabel,
        voice: await audio.voice(),
        voices: audio.voices(),
        csrf: request.session?.csrfToken ?? '',
        timeZone: deps.config.timeZone,
        canChooseVoice: users.can(actor, 'settings.manage'),
        canRegenerate: users.can(actor, 'article.correct', publishedResource),
        notice: notices[String(request.query.done)],
      }),
      { title: 'Audio', active: 'audio' },
    );
  });

  app.post<{ Params: { id: string } }>('/admin/audio/:id/regenerate', async (request, reply) => {
    const id = parseId(request.params.id);
    await audio.regenerate(actorOfRequest(request), id);
    const page = Number(bodyField(request.body, 'page')) || 1;
    return reply.redirect(
      `/admin/audio?${page > 1 ? `page=${page}&` : ''}done=regenerating#audio-${id}`,
      303,
    );
  });

  app.post('/admin/audio/voice', async (request, reply) => {
    await audio.setVoice(actorOfRequest(request), bodyField(request.body, 'voice'));
    return reply.redirect('/admin/audio?done=voice', 303);
  });

  // JSON for scripts and integrations: the same operations.
  app.get<{ Querystring: { page?: string } }>('/admin/api/audio', async (request) => {
    actorOfRequest(request);
    const list = await audio.statusPage(parsePage(request.query));
    return {
      engine: audio.engineId,
      voice: await audio.voice(),
      voices: audio.voices(),
      page: list.page,
      pageCount: list.pageCount,
      total: list.total,
      items: list.items.map((row) => ({
        articleId: row.articleId,
        headline: row.article.headline,
        url: row.article.url,
        state: row.state,
        current: row.current,
        attempts: row.attempts,
        lastError: row.lastError,
        nextRunAt: row.nextRunAt,
        audio: row.track
          ? {
              url: audioPath(row.track),
              durationMs: row.track.durationMs,
              bytes: row.track.bytes,
              voice: row.track.voice,
              engine: row.track.engine,
              createdAt: row.track.createdAt,
              synthesisMs: row.track.synthesisMs,
            }
          : null,
      })),
    };
  });

  app.post<{ Params: { id: string } }>('/admin/api/audio/:id/regenerate', async (request, reply) => {
    const id = parseId(request.params.id);
    await audio.regenerate(actorOfRequest(request), id);
    return reply.code(202).send({ articleId: id, state: 'pending' });
  });

  app.put('/admin/api/audio/voice', async (request) => {
    const voice = (request.body as { voice?: unknown } | undefined)?.voice;
    await audio.setVoice(actorOfRequest(request), typeof voice === 'string' ? voice : '');
    return { voice: await audio.voice() };
  });
}
