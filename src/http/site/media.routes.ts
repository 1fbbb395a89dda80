import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { mimeTypes, parseVariantFile } from '../../modules/media/index.ts';
import { notFound } from '../../shared/errors.ts';
import type { HttpDeps } from '../deps.ts';

/**
 * /media/<id>/<width>.<avif|webp|jpg>: the id and width are numbers and the format an allow-list, so a
 * request can only ever name a variant we would make; the file path is built by the media module.
 */
export async function registerMediaRoutes(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  // Used only for sendFile (ranges, conditional requests); no folder is exposed by it.
  await app.register(fastifyStatic, { root: deps.config.mediaDir, serve: false });

  app.get<{ Params: { id: string; file: string } }>('/media/:id/:file', async (request, reply) => {
    const id = /^\d{1,9}$/.test(request.params.id) ? Number(request.params.id) : Number.NaN;
    const variant = parseVariantFile(request.params.file);
    if (!Number.isSafeInteger(id) || !variant) throw notFound('The picture');
    const key = await deps.media.variantKey(id, variant.width, variant.format);
    const relative = path.relative(deps.config.mediaDir, deps.media.localPath(key));
    return reply
      .type(mimeTypes[variant.format])
      .header('cache-control', 'public, max-age=31536000, immutable')
      .sendFile(relative, deps.config.mediaDir, { cacheControl: false });
  });
}
