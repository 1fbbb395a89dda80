import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DomainError, forbidden, notFound } from '../../shared/errors.ts';
import { type Action, type ArticleResource, can } from './policy.ts';
import type { Mailer, PasswordHasher } from './ports.ts';
import { FailureLimiter } from './rate-limit.ts';
import { type Actor, normaliseEmail, type Role, roles, type User } from './user.ts';
import type { TokenPurpose, UsersRepository } from './users.repository.ts';

const day = 86_400_000;
export const sessionLifetimeMs = 14 * day;
export const sessionIdleMs = 3 * day;
const touchEveryMs = 5 * 60_000;
const tokenLifetimeMs: Record<TokenPurpose, number> = { setup: day, invite: 7 * day, reset: 3_600_000 };

export const passwordSchema = z
  .string()
  .min(10, 'Passwords need at least 10 characters.')
  .max(200, 'Passwords can have at most 200 characters.');
export const emailSchema = z.email('That does not look like an email address.').max(254);
export const nameSchema = z.string().trim().min(1, 'Please give a name.').max(120);

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new DomainError('validation_failed', result.error.issues[0]?.message ?? 'Invalid input.');
  return result.data;
}

export interface SessionInfo {
  user: User;
  csrfToken: string;
  idHash: string;
}

export interface UsersServiceOptions {
  siteUrl: string;
  clock: () => Date;
  /** Where one-time links go when no mail server is configured: the log, so an operator can pass them on. */
  logLink: (message: string) => void;
}

export class UsersService {
  private readonly perAccount = new FailureLimiter(5, 15 * 60_000);
  private readonly perAddress = new FailureLimiter(30, 15 * 60_000);

  constructor(
    private readonly repo: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly mailer: Mailer | null,
    private readonly options: UsersServiceOptions,
  ) {}

  /** Refuses unless the policy allows it (deny by default). */
  authorize(actor: Actor, action: Action, article?: ArticleResource): void {
    if (!can(actor, action, article)) throw forbidden();
  }

  can(actor: Actor, action: Action, article?: ArticleResource): boolean {
    return can(actor, action, article);
  }

  async hasUsers(): Promise<boolean> {
    return (await this.repo.count()) > 0;
  }

  /** With no users yet, a one-time link that creates the first administrator. */
  async firstRunSetupLink(): Promise<string | undefined> {
    if (await this.hasUsers()) return undefined;
    const token = await this.issueToken('setup', {});
    return `${this.options.siteUrl}/admin/setup/${token}`;
  }

  async createUser(input: {
    email: string;
    name: string;
    role: Role;
    password: string;
    authorId?: number | null;
  }) {
    const email = normaliseEmail(parse(emailSchema, input.email));
    const name = parse(nameSchema, input.name);
    const role = parse(z.enum(roles), input.role);
    const passwordHash = await this.hasher.hash(parse(passwordSchema, input.password));
    if (await this.repo.byEmailWithHash(email))
      throw new DomainError('conflict', 'Someone already uses that email address.');
    return this.repo.insert({ email, name, role, passwordHash, authorId: input.authorId ?? null });
  }

  async signIn(input: { email: string; password: string; address: string; userAgent: string }) {
    const now = this.options.clock().getTime();
    const email = normaliseEmail(String(input.email ?? ''));
    const accountKey = `account:${email}`;
    const addressKey = `address:${input.address}`;
    if (this.perAccount.isBlocked(accountKey, now) || this.perAddress.isBlocked(addressKey, now)) {
      throw new DomainError('rate_limited', 'Too many failed sign-ins. Wait 15 minutes and try again.');
    }
    const user = await this.repo.byEmailWithHash(email);
    const password = String(input.password ?? '').slice(0, 200);
    const valid = user?.passwordHash ? await this.hasher.verify(user.passwordHash, password) : false;
    if (!user || !valid || user.disabledAt) {
      this.perAccount.fail(accountKey, now);
      this.perAddress.fail(addressKey, now);
      throw new DomainError('unauthenticated', 'That email address and password do not match an account.');
    }
    this.perAccount.reset(accountKey);
    return this.startSession(user, input.userAgent);
  }

  /** A brand-new session id on every sign-in (session rotation), so a planted id is worthless. */
  private async startSession(user: User, userAgent: string) {
    const token = newToken();
    const now = this.options.clock();
    await this.repo.createSession({
      idHash: hashToken(token),
      userId: user.id,
      csrfToken: newToken(),
      expiresAt: new Date(now.getTime() + sessionLifetimeMs),
      userAgent: userAgent.slice(0, 300),
      now,
    });
    return { token, user };
  }

  async session(token: string | undefined): Promise<SessionInfo | undefined> {
    if (!token || token.length > 100) return undefined;
    const idHash = hashToken(token);
    const row = await this.repo.session(idHash);
    const now = this.options.clock();
    if (!row) return undefined;
    const idle = now.getTime() - row.lastSeenAt.getTime() > sessionIdleMs;
    if (row.expiresAt <= now || idle || row.user.disabledAt) {
      await this.repo.deleteSession(idHash);
      return undefined;
    }
    if (now.getTime() - row.lastSeenAt.getTime() > touchEveryMs) await this.repo.touchSession(idHash, now);
    return { user: row.user, csrfToken: row.csrfToken, idHash };
  }

  async signOut(token: string | undefined): Promise<void> {
    if (token) await this.repo.deleteSession(hashToken(token));
  }

  async signOutEverywhere(userId: number): Promise<void> {
    await this.repo.deleteSessionsOf(userId);
  }

  async invite(actor: Actor, input: { email: string; role: string }): Promise<string> {
    this.authorize(actor, 'users.manage');
    const email = normaliseEmail(parse(emailSchema, input.email));
    const role = parse(z.enum(roles), input.role);
    if (await this.repo.byEmailWithHash(email))
      throw new DomainError('conflict', 'Someone already uses that email address.');
    const token = await this.issueToken('invite', { email, role });
    const link = `${this.options.siteUrl}/admin/invite/${token}`;
    await this.deliver(
      email,
      'You are invited to the newsroom',
      `Set your name and password here (valid for 7 days):\n\n${link}\n`,
    );
    return link;
  }

  /** Always answers the same way, so the form cannot be used to find out who has an account. */
  async requestPasswordReset(emailInput: string): Promise<void> {
    const parsed = emailSchema.safeParse(emailInput);
    if (!parsed.success) return;
    const user = await this.repo.byEmailWithHash(normaliseEmail(parsed.data));
    if (!user || user.disabledAt) return;
    const token = await this.issueToken('reset', { userId: user.id });
    const link = `${this.options.siteUrl}/admin/reset/${token}`;
    await this.deliver(
      user.email,
      'Reset your newsroom password',
      `Choose a new password here (valid for one hour):\n\n${link}\n`,
    );
  }

  async tokenPurpose(token: string): Promise<TokenPurpose | undefined> {
    const row = await this.repo.token(hashToken(token));
    if (!row || row.usedAt || row.expiresAt <= this.options.clock()) return undefined;
    return row.purpose;
  }

  /** Completes a setup, invitation or reset link; the link then stops working. */
  async redeem(token: string, input: { name?: string; email?: string; password: string; userAgent: string }) {
    const tokenHash = hashToken(token);
    const row = await this.repo.token(tokenHash);
    const now = this.options.clock();
    if (!row || row.usedAt || row.expiresAt <= now) {
      throw new DomainError('not_found', 'This link has expired or has already been used.');
    }
    const password = parse(passwordSchema, input.password);
    let user: User | undefined;
    if (row.purpose === 'reset') {
      if (!row.userId) throw notFound('The account');
      user = await this.repo.byId(row.userId);
      if (!user) throw notFound('The account');
    } else {
      const email = row.purpose === 'invite' ? row.email : input.email;
      const name = parse(nameSchema, input.name);
      const role: Role = row.purpose === 'setup' ? 'administrator' : (row.role ?? 'contributor');
      if (row.purpose === 'setup' && (await this.hasUsers())) {
        throw new DomainError('conflict', 'The newsroom is already set up. Sign in instead.');
      }
      const normalised = normaliseEmail(parse(emailSchema, email));
      if (await this.repo.byEmailWithHash(normalised))
        throw new DomainError('conflict', 'Someone already uses that email address.');
      user = await this.repo.insert({ email: normalised, name, role, passwordHash: null });
    }
    if (!(await this.repo.useToken(tokenHash, now))) {
      throw new DomainError('not_found', 'This link has expired or has already been used.');
    }
    await this.repo.update(user.id, { passwordHash: await this.hasher.hash(password) });
    // A new password ends every other session, as people expect after a reset.
    await this.repo.deleteSessionsOf(user.id);
    return this.startSession(user, input.userAgent);
  }

  async list(actor: Actor): Promise<User[]> {
    this.authorize(actor, 'users.manage');
    return this.repo.list();
  }

  async byId(id: number): Promise<User | undefined> {
    return this.repo.byId(id);
  }

  async changeRole(actor: Actor, userId: number, roleInput: string): Promise<void> {
    this.authorize(actor, 'users.manage');
    if (actor.kind === 'user' && actor.userId === userId) throw forbidden('You cannot change your own role.');
    const role = parse(z.enum(roles), roleInput);
    await this.repo.update(userId, { role });
    await this.audit(actor, 'user.role', null, `user ${userId} is now ${role}`);
  }

  async setDisabled(actor: Actor, userId: number, disabled: boolean): Promise<void> {
    this.authorize(actor, 'users.manage');
    if (actor.kind === 'user' && actor.userId === userId)
      throw forbidden('You cannot disable your own account.');
    await this.repo.update(userId, { disabledAt: disabled ? this.options.clock() : null });
    if (disabled) await this.repo.deleteSessionsOf(userId);
    await this.audit(actor, disabled ? 'user.disable' : 'user.enable', null, `user ${userId}`);
  }

  async linkByline(actor: Actor, userId: number, authorId: number | null): Promise<void> {
    this.authorize(actor, 'users.manage');
    await this.repo.update(userId, { authorId });
  }

  async audit(actor: Actor, action: string, articleId: number | null, details = ''): Promise<void> {
    await this.repo.audit({
      userId: actor.kind === 'user' ? actor.userId : null,
      action,
      articleId,
      details: details.slice(0, 2000),
      at: this.options.clock(),
    });
  }

  auditTrail(actor: Actor, articleId: number | null, limit = 100) {
    this.authorize(actor, 'audit.view');
    return this.repo.auditTrail(articleId, limit);
  }

  private async issueToken(purpose: TokenPurpose, fields: { email?: string; role?: Role; userId?: number }) {
    const token = newToken();
    await this.repo.insertToken({
      tokenHash: hashToken(token),
      purpose,
      email: fields.email ?? null,
      role: fields.role ?? null,
      userId: fields.userId ?? null,
      expiresAt: new Date(this.options.clock().getTime() + tokenLifetimeMs[purpose]),
    });
    return token;
  }

  private async deliver(to: string, subject: string, text: string): Promise<void> {
    if (this.mailer) {
      await this.mailer.send({ to, subject, text });
      return;
    }
    this.options.logLink(`Mail to ${to} (no SMTP configured): ${subject}\n${text}`);
  }
}

export function actorOf(user: User): Actor {
  return { kind: 'user', userId: user.id, role: user.role, name: user.name, authorId: user.authorId };
}
