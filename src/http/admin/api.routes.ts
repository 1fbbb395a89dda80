import type { FastifyInstance, FastifyRequest } from 'fastify';
import { editorMediaItem } from '../../modules/articles/index.ts';
import { DomainError } from '../../shared/errors.ts';
import type { HttpDeps } from '../deps.ts';
import { parseId } from './pages.routes.ts';
import { actorOfRequest, bodyField } from './session.ts';

type IdParams = { Params: { id: string } };
type RevisionParams = { Params: { id: string; version: string } };

/** The version the client says it edited; every state change must name one. */
function versionOf(body: unknown): number {
  const version = (body as { version?: unknown } | undefined)?.version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    throw new DomainError(
      'validation_failed',
      'The request must say which version of the article it changes.',
    );
  }
  return version;
}

function uploadedFile(request: FastifyRequest): Buffer | undefined {
  const file = (request.body as Record<string, unknown> | undefined)?.file;
  return Buffer.isBuffer(file) && file.length > 0 ? file : undefined;
}

/** JSON for the editor; see docs/admin-api.md. */
export function registerAdminApi(app: FastifyInstance, deps: HttpDeps): void {
  const { editorial, media, authors } = deps;
  const article = (request: FastifyRequest<IdParams>) => parseId(request.params.id);

  app.get<IdParams>('/admin/api/articles/:id', (request) =>
    editorial.get(actorOfRequest(request), article(request)),
  );

  app.put<IdParams>('/admin/api/articles/:id', (request) =>
    editorial.save(actorOfRequest(request), article(request), request.body),
  );

  app.post<IdParams>('/admin/api/articles/:id/submit', (request) =>
    editorial.submit(actorOfRequest(request), article(request), versionOf(request.body)),
  );

  app.post<IdParams>('/admin/api/articles/:id/publish', (request) =>
    editorial.publish(
      actorOfRequest(request),
      article(request),
      versionOf(request.body),
      bodyField(request.body, 'updateNote') || undefined,
    ),
  );

  app.post<IdParams>('/admin/api/articles/:id/schedule', (request) =>
    editorial.schedule(
      actorOfRequest(request),
      article(request),
      versionOf(request.body),
      bodyField(request.body, 'at'),
    ),
  );

  app.post<IdParams>('/admin/api/articles/:id/unpublish', (request) =>
    editorial.unpublish(actorOfRequest(request), article(request), versionOf(request.body)),
  );

  app.post<IdParams>('/admin/api/articles/:id/corrections', (request) =>
    editorial.addCorrection(actorOfRequest(request), article(request), bodyField(request.body, 'text')),
  );

  app.get<IdParams>('/admin/api/articles/:id/revisions', (request) =>
    editorial.revisions(actorOfRequest(request), article(request)),
  );

  app.get<RevisionParams>('/admin/api/articles/:id/revisions/:version/diff', (request) =>
    editorial.diff(actorOfRequest(request), parseId(request.params.id), parseId(request.params.version)),
  );

  app.post<RevisionParams>('/admin/api/articles/:id/revisions/:version/restore', (request) =>
    editorial.restore(
      actorOfRequest(request),
      parseId(request.params.id),
      parseId(request.params.version),
      versionOf(request.body),
    ),
  );

  app.post<IdParams>('/admin/api/articles/:id/presence', (request) =>
    editorial.touchPresence(actorOfRequest(request), article(request)),
  );

  app.get<{ Querystring: { q?: string } }>('/admin/api/articles/search', (request) =>
    editorial.searchForPicker(actorOfRequest(request), String(request.query.q ?? '')),
  );

  app.get<{ Querystring: { q?: string; page?: string } }>('/admin/api/media', async (request) => {
    const library = await media.library(
      actorOfRequest(request),
      String(request.query.q ?? '').slice(0, 100),
      Number(request.query.page ?? 1),
    );
    return { ...library, items: library.items.map(editorMediaItem) };
  });

  app.post('/admin/api/media', async (request, reply) => {
    const file = uploadedFile(request);
    if (!file) throw new DomainError('validation_failed', 'Choose a picture to upload.');
    const image = await media.upload(actorOfRequest(request), file, {
      alt: bodyField(request.body, 'alt'),
      caption: bodyField(request.body, 'caption'),
      credit: bodyField(request.body, 'credit'),
    });
    return reply.code(201).send(editorMediaItem(image));
  });

  app.patch<IdParams>('/admin/api/media/:id', async (request) =>
    editorMediaItem(
      await media.updateMetadata(actorOfRequest(request), parseId(request.params.id), request.body),
    ),
  );

  app.get('/admin/api/authors', async (request) => {
    actorOfRequest(request);
    return (await authors.list()).map(({ id, name, jobTitle }) => ({ id, name, jobTitle }));
  });

  app.get<{ Querystring: { q?: string } }>('/admin/api/tags', (request) =>
    editorial.tagSuggestions(actorOfRequest(request), String(request.query.q ?? '').slice(0, 60)),
  );
}
