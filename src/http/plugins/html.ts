import type { FastifyReply } from 'fastify';
import type { JSX } from 'preact';
import { collectCacheTags } from '../../render/cache-tags.ts';
import { renderDocument } from '../../render/document.tsx';
import { type Freshness, markForCache } from '../page-cache/index.ts';
import { withinRenderBudget } from './render-budget.ts';

/** How a reader page may be cached: the tags the route knows of (components add theirs) and freshness. */
export interface PageCacheHints {
  tags: string[];
  freshness: Freshness;
}

/**
 * Sends a rendered page. With cache hints (reader pages), the page is tagged with what it shows (`site` for
 * the banner and navigation every page carries) and its route's page cache stores it; without, it may be
 * kept briefly by browsers only. A busy process may render it in a later turn of the event loop
 * (render-budget.ts).
 */
export function sendHtml(
  reply: FastifyReply,
  page: JSX.Element,
  status = 200,
  cache?: PageCacheHints,
): FastifyReply | Promise<FastifyReply> {
  return withinRenderBudget(() => send(reply, page, status, cache));
}

function send(reply: FastifyReply, page: JSX.Element, status: number, cache?: PageCacheHints): FastifyReply {
  const { result: html, tags } = collectCacheTags(() => renderDocument(page));
  if (cache && status === 200) markForCache(reply, ['site', ...cache.tags, ...tags], cache.freshness);
  // Sent as bytes, encoded once: the ETag hash, the compression and the page cache would each encode a string.
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', status === 200 ? 'public, max-age=60, stale-while-revalidate=60' : 'no-store')
    .send(Buffer.from(html));
}
