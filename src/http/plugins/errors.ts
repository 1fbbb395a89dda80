import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { ProblemPage } from '../../render/pages/site/problem-page.tsx';
import { DomainError } from '../../shared/errors.ts';
import type { HttpDeps } from '../deps.ts';
import { siteInfo } from '../site/site-info.ts';
import { sendHtml } from './html.ts';

const titles: Record<number, { title: string; message: string }> = {
  400: {
    title: 'That request did not make sense',
    message: 'Something in the address is not valid. Check the link, or start again from the home page.',
  },
  404: {
    title: 'We could not find that page',
    message: 'The story may have moved or been taken down, or the address may be mistyped.',
  },
  500: {
    title: 'Something went wrong on our side',
    message: 'We could not show this page just now. Please try again in a moment.',
  },
};

async function sendProblem(
  deps: HttpDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  detail?: string,
) {
  const text = titles[status] ?? (status < 500 ? titles[400] : titles[500]);
  if (!text) throw new Error('missing problem text');
  const site = await siteInfo(deps, request);
  const message = detail && status < 500 ? detail : text.message;
  return sendHtml(reply, h(ProblemPage, { site, status, title: text.title, message }), status);
}

/** Errors become a helpful page with the right status; details of server faults go to the log only. */
export function registerErrors(app: FastifyInstance, deps: HttpDeps): void {
  app.setNotFoundHandler((request, reply) => sendProblem(deps, request, reply, 404));
  app.setErrorHandler(async (error: FastifyError | DomainError, request, reply) => {
    if (error instanceof DomainError) {
      return sendProblem(
        deps,
        request,
        reply,
        error.status,
        error.status === 404 ? undefined : error.message,
      );
    }
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(deps, request, reply, status);
  });
}
