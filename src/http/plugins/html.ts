import type { FastifyReply } from 'fastify';
import type { JSX } from 'preact';
import { renderDocument } from '../../render/document.tsx';

/** Sends a rendered page. Reader pages may be cached briefly by browsers and longer by shared caches. */
export function sendHtml(reply: FastifyReply, page: JSX.Element, status = 200): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header(
      'cache-control',
      status === 200 ? 'public, max-age=60, s-maxage=300, stale-while-revalidate=60' : 'no-store',
    )
    .send(renderDocument(page));
}
