import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { AuthForm, Field } from '../../render/pages/admin/auth-pages.tsx';
import { DomainError } from '../../shared/errors.ts';
import type { HttpDeps } from '../deps.ts';
import { sendAdmin } from './render.ts';
import { bodyField, cookieOptions, formToken, sessionCookie } from './session.ts';

type TokenParams = { Params: { token: string } };

/** Only paths inside the newsroom are followed after signing in (no open redirects). */
function safeNext(value: string): string {
  return /^\/admin(\/[^/\\]|$|\?)/.test(value) && !value.startsWith('//') ? value : '/admin';
}

export function registerAuthRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const secure = deps.config.secureCookies;

  const setSession = (reply: FastifyReply, token: string) =>
    reply.setCookie(sessionCookie, token, cookieOptions(secure, 14 * 86_400));

  const signInForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    fields: { error?: string; notice?: string; email?: string; next?: string },
  ) =>
    sendAdmin(
      deps,
      request,
      reply,
      h(
        AuthForm,
        {
          title: `Sign in to the ${deps.config.siteName} newsroom`,
          error: fields.error,
          notice: fields.notice,
          action: '/admin/sign-in',
          token: formToken(request, reply, secure),
          submit: 'Sign in',
          footer: h(
            'p',
            { class: 'auth-footer' },
            h('a', { href: '/admin/reset' }, 'Forgotten your password?'),
          ),
        },
        h('input', { type: 'hidden', name: 'next', value: safeNext(fields.next ?? '/admin') }),
        h(Field, {
          label: 'Email',
          name: 'email',
          type: 'email',
          value: fields.email,
          autocomplete: 'username',
          required: true,
        }),
        h(Field, {
          label: 'Password',
          name: 'password',
          type: 'password',
          autocomplete: 'current-password',
          required: true,
        }),
      ),
      { title: 'Sign in', status },
    );

  app.get<{ Querystring: { next?: string } }>('/admin/sign-in', async (request, reply) => {
    if (request.session) return reply.redirect('/admin', 303);
    const notice = (await deps.users.hasUsers())
      ? undefined
      : 'This newsroom has no accounts yet. Use the one-time setup link printed when the server started.';
    return signInForm(request, reply, 200, { next: request.query.next, notice });
  });

  app.post('/admin/sign-in', async (request, reply) => {
    const email = bodyField(request.body, 'email');
    try {
      const { token } = await deps.users.signIn({
        email,
        password: bodyField(request.body, 'password'),
        address: request.ip,
        userAgent: String(request.headers['user-agent'] ?? ''),
      });
      setSession(reply, token);
      return reply.redirect(safeNext(bodyField(request.body, 'next')), 303);
    } catch (error) {
      if (
        !(error instanceof DomainError) ||
        (error.code !== 'unauthenticated' && error.code !== 'rate_limited')
      )
        throw error;
      return signInForm(request, reply, error.status, { error: error.message, email });
    }
  });

  app.post('/admin/sign-out', async (request, reply) => {
    await deps.users.signOut(request.cookies[sessionCookie]);
    reply.clearCookie(sessionCookie, cookieOptions(secure));
    return reply.redirect('/admin/sign-in', 303);
  });

  app.post('/admin/sign-out-everywhere', async (request, reply) => {
    if (request.session) await deps.users.signOutEverywhere(request.session.user.id);
    reply.clearCookie(sessionCookie, cookieOptions(secure));
    return reply.redirect('/admin/sign-in', 303);
  });

  // One form serves first-run setup, invitations and resets: they differ in which fields they ask for.
  const tokenForm = async (
    request: FastifyRequest<TokenParams>,
    reply: FastifyReply,
    status = 200,
    error?: string,
  ) => {
    const purpose = await deps.users.tokenPurpose(request.params.token);
    if (!purpose) {
      return sendAdmin(
        deps,
        request,
        reply,
        h(
          'section',
          { class: 'problem-card' },
          h('h1', null, 'This link has expired'),
          h(
            'p',
            null,
            'It may have been used already. Ask an administrator for a new one, or reset your password from the sign-in page.',
          ),
          h('p', null, h('a', { href: '/admin/sign-in' }, 'Go to sign in')),
        ),
        { title: 'Link expired', status: 404 },
      );
    }
    const titles = {
      setup: 'Set up your newsroom',
      invite: 'Join the newsroom',
      reset: 'Choose a new password',
    };
    const intro = {
      setup: 'Create the first administrator account. You can invite your colleagues afterwards.',
      invite: 'You have been invited. Tell us your name and choose a password.',
      reset: 'Choose a new password. You will be signed out everywhere else.',
    };
    return sendAdmin(
      deps,
      request,
      reply,
      h(
        AuthForm,
        {
          title: titles[purpose],
          intro: intro[purpose],
          error,
          action: request.url.split('?')[0] ?? '',
          token: formToken(request, reply, secure),
          submit: 'Continue',
        },
        purpose !== 'reset'
          ? h(Field, { label: 'Your name', name: 'name', autocomplete: 'name', required: true })
          : null,
        purpose === 'setup'
          ? h(Field, {
              label: 'Email',
              name: 'email',
              type: 'email',
              autocomplete: 'username',
              required: true,
            })
          : null,
        h(Field, {
          label: 'Password',
          name: 'password',
          type: 'password',
          autocomplete: 'new-password',
          required: true,
          minLength: 10,
          hint: 'At least 10 characters. A few unrelated words make a strong password.',
        }),
      ),
      { title: titles[purpose], status },
    );
  };

  const redeem = async (request: FastifyRequest<TokenParams>, reply: FastifyReply) => {
    try {
      const { token } = await deps.users.redeem(request.params.token, {
        name: bodyField(request.body, 'name'),
        email: bodyField(request.body, 'email'),
        password: bodyField(request.body, 'password'),
        userAgent: String(request.headers['user-agent'] ?? ''),
      });
      setSession(reply, token);
      return reply.redirect('/admin', 303);
    } catch (error) {
      if (error instanceof DomainError && error.status < 500 && error.code !== 'csrf') {
        return tokenForm(request, reply, error.status, error.message);
      }
      throw error;
    }
  };

  for (const path of ['/admin/setup/:token', '/admin/invite/:token', '/admin/reset/:token']) {
    app.get<TokenParams>(path, (request, reply) => tokenForm(request, reply));
    app.post<TokenParams>(path, redeem);
  }

  app.get('/admin/reset', async (request, reply) =>
    sendAdmin(deps, request, reply, resetRequestForm(formToken(request, reply, secure)), {
      title: 'Reset your password',
    }),
  );

  app.post('/admin/reset', async (request, reply) => {
    await deps.users.requestPasswordReset(bodyField(request.body, 'email'));
    return sendAdmin(
      deps,
      request,
      reply,
      resetRequestForm(
        formToken(request, reply, secure),
        'If that address has an account, a link to reset its password is on its way.',
      ),
      { title: 'Reset your password' },
    );
  });
}

function resetRequestForm(token: string, notice?: string) {
  return h(
    AuthForm,
    {
      title: 'Reset your password',
      intro: 'We will email you a link that works once, for one hour.',
      notice,
      action: '/admin/reset',
      token,
      submit: 'Send the link',
    },
    h(Field, { label: 'Email', name: 'email', type: 'email', autocomplete: 'username', required: true }),
  );
}
