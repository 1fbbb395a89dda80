import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, actorOf, type SessionInfo } from '../../modules/users/index.ts';
import { DomainError } from '../../shared/errors.ts';

export const sessionCookie = 'bs_session';
/** Double-submit token for the forms used before there is a session (sign-in, setup, reset). */
export const formCookie = 'bs_form';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionInfo | undefined;
  }
}

export function cookieOptions(secure: boolean, maxAgeSeconds?: number) {
  return { path: '/admin', httpOnly: true, sameSite: 'lax' as const, secure, maxAge: maxAgeSeconds };
}

export function actorOfRequest(request: FastifyRequest): Actor {
  if (!request.session) throw new DomainError('unauthenticated', 'Sign in to continue.');
  return actorOf(request.session.user);
}

export function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** The token a pre-session form must send back; set as a cookie the first time a form is shown. */
export function formToken(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const existing = request.cookies[formCookie];
  if (existing && /^[A-Za-z0-9_-]{20,64}$/.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  reply.setCookie(formCookie, token, cookieOptions(secure));
  return token;
}

export function bodyField(body: unknown, name: string): string {
  if (body && typeof body === 'object' && name in body) {
    const value = (body as Record<string, unknown>)[name];
    if (typeof value === 'string') return value;
  }
  return '';
}
