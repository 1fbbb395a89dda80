import type { FastifyReply, FastifyRequest } from 'fastify';
import { h, type JSX } from 'preact';
import { renderDocument } from '../../render/document.tsx';
import { AdminLayout } from '../../render/layouts/admin-layout.tsx';
import type { HttpDeps } from '../deps.ts';

export interface AdminPageOptions {
  title: string;
  active?: 'dashboard' | 'media' | 'home' | 'users' | 'audio' | 'breaking';
  status?: number;
  scripts?: string[];
  stylesheets?: string[];
  data?: { id: string; value: unknown };
}

/** Admin pages are private and change with every action: never cached anywhere. */
export function sendAdmin(
  deps: HttpDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  body: JSX.Element,
  options: AdminPageOptions,
): FastifyReply {
  const page = h(AdminLayout, {
    title: options.title,
    siteName: deps.config.siteName,
    stylesheets: [deps.assets.url('admin.css'), ...(options.stylesheets ?? [])],
    scripts: options.scripts,
    me: request.session?.user,
    csrf: request.session?.csrfToken,
    active: options.active,
    data: options.data,
    children: body,
  });
  return reply
    .code(options.status ?? 200)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(renderDocument(page));
}
