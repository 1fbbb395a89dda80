import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { BannerField, BannerRecord, BannerView } from '../../modules/breaking/index.ts';
import {
  type BreakingForm,
  BreakingPage,
  type BreakingPageError,
  expiryChoices,
} from '../../render/pages/admin/breaking-page.tsx';
import { DomainError } from '../../shared/errors.ts';
import type { HttpDeps } from '../deps.ts';
import { sendAdmin } from './render.ts';
import { actorOfRequest, bodyField } from './session.ts';

const notices: Record<string, string> = {
  set: 'The banner is up on every page of the site.',
  cleared: 'The banner has been taken down.',
  none: 'There was no banner to take down.',
};

/** The form's "Comes down" choice: one of the offered durations, or '' for "until cleared". */
function expiryMinutes(value: string): number | null {
  if (value === '') return null;
  const choice = expiryChoices.find((c) => c.minutes !== null && String(c.minutes) === value);
  if (!choice) {
    throw new DomainError('validation_failed', 'Choose when the banner comes down from the list.', {
      field: 'expires' satisfies BannerField,
    });
  }
  return choice.minutes;
}

/** The API's `expiresAt`: an ISO time, or null/absent for "until cleared". */
function expiryTime(value: unknown): Date | null {
  if (value === undefined || value === null || value === '') return null;
  const time = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(time.getTime())) {
    throw new DomainError(
      'validation_failed',
      'expiresAt must be an ISO 8601 time, e.g. 2026-06-22T18:00:00Z.',
    );
  }
  return time;
}

function bannerJson(banner: BannerRecord | BannerView | null) {
  if (!banner) return null;
  return { id: banner.id, text: banner.text, href: banner.href, expiresAt: banner.expiresAt };
}

/**
 * The newsroom's breaking-news page and its JSON twin. Registered inside the admin plugin's scope (see
 * app/build-server.ts), so sessions and CSRF apply; the breaking service checks permissions (editors and
 * administrators).
 */
export function registerBreakingAdmin(app: FastifyInstance, deps: HttpDeps): void {
  const { breaking } = deps;

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { notice?: string; error?: BreakingPageError; status?: number },
  ) => {
    const { active, recent } = await breaking.overview(actorOfRequest(request), 10);
    return sendAdmin(
      deps,
      request,
      reply,
      h(BreakingPage, {
        active,
        recent,
        csrf: request.session?.csrfToken ?? '',
        timeZone: deps.config.timeZone,
        notice: extra.notice,
        error: extra.error,
      }),
      { title: 'Breaking news', active: 'breaking', status: extra.status },
    );
  };

  app.get<{ Querystring: { done?: string } }>('/admin/breaking', (request, reply) =>
    page(request, reply, { notice: notices[String(request.query.done)] }),
  );

  app.post('/admin/breaking', async (request, reply) => {
    const actor = actorOfRequest(request);
    const form: BreakingForm = {
      text: bodyField(request.body, 'text'),
      link: bodyField(request.body, 'link'),
      expires: bodyField(request.body, 'expires'),
    };
    try {
      await breaking.set(actor, {
        text: form.text,
        link: form.link,
        expiresInMinutes: expiryMinutes(form.expires),
      });
    } catch (error) {
      // Bad input comes back on the form, with what was typed, rather than on an error page.
      if (error instanceof DomainError && error.code === 'validation_failed') {
        const field = (error.details as { field?: BannerField } | undefined)?.field;
        return page(request, reply, { error: { message: error.message, field, form }, status: 400 });
      }
      throw error;
    }
    return reply.redirect('/admin/breaking?done=set', 303);
  });

  app.post('/admin/breaking/clear', async (request, reply) => {
    const cleared = await breaking.clear(actorOfRequest(request));
    return reply.redirect(`/admin/breaking?done=${cleared ? 'cleared' : 'none'}`, 303);
  });

  // JSON for scripts and integrations: the same operations.
  app.get('/admin/api/breaking', async (request) => {
    const { active, recent } = await breaking.overview(actorOfRequest(request), 10);
    return {
      banner: bannerJson(active),
      recent: recent.map((banner) => ({
        ...bannerJson(banner),
        createdAt: banner.createdAt,
        createdBy: banner.createdByName,
        clearedAt: banner.clearedAt,
        clearedBy: banner.clearedByName,
        clearedReason: banner.clearedReason,
      })),
    };
  });

  app.put('/admin/api/breaking', async (request) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const banner = await breaking.set(actorOfRequest(request), {
      text: typeof body.text === 'string' ? body.text : '',
      link: typeof body.link === 'string' ? body.link : '',
      expiresAt: expiryTime(body.expiresAt),
    });
    return { banner: bannerJson(banner) };
  });

  app.delete('/admin/api/breaking', async (request) => {
    return { cleared: await breaking.clear(actorOfRequest(request)) };
  });
}
