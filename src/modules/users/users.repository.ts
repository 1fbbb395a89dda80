import { and, asc, count, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { auditLog, oneTimeTokens, sessions, users } from '../../db/schema/index.ts';
import type { Role, User } from './user.ts';

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  authorId: users.authorId,
  disabledAt: users.disabledAt,
  createdAt: users.createdAt,
};

export type TokenPurpose = 'setup' | 'invite' | 'reset';

export interface TokenRow {
  purpose: TokenPurpose;
  email: string | null;
  role: Role | null;
  userId: number | null;
  expiresAt: Date;
  usedAt: Date | null;
}

export class UsersRepository {
  constructor(private readonly db: Database) {}

  async count(): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(users);
    return Number(row?.n ?? 0);
  }

  list(): Promise<User[]> {
    return this.db.select(userColumns).from(users).orderBy(asc(users.name));
  }

  async byId(id: number): Promise<User | undefined> {
    const [row] = await this.db.select(userColumns).from(users).where(eq(users.id, id)).limit(1);
    return row;
  }

  async byEmailWithHash(email: string): Promise<(User & { passwordHash: string | null }) | undefined> {
    const [row] = await this.db
      .select({ ...userColumns, passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.email, email))
      .limit(1);
    return row;
  }

  async insert(user: {
    email: string;
    name: string;
    role: Role;
    passwordHash: string | null;
    authorId?: number | null;
  }) {
    const [row] = await this.db.insert(users).values(user).returning(userColumns);
    if (!row) throw new Error('user insert returned nothing');
    return row;
  }

  async update(
    id: number,
    changes: Partial<{
      name: string;
      role: Role;
      passwordHash: string;
      authorId: number | null;
      disabledAt: Date | null;
    }>,
  ) {
    await this.db.update(users).set(changes).where(eq(users.id, id));
  }

  async createSession(s: {
    idHash: string;
    userId: number;
    csrfToken: string;
    expiresAt: Date;
    userAgent: string;
    now: Date;
  }) {
    await this.db.insert(sessions).values({ ...s, createdAt: s.now, lastSeenAt: s.now });
  }

  async session(idHash: string) {
    const [row] = await this.db
      .select({
        idHash: sessions.idHash,
        csrfToken: sessions.csrfToken,
        expiresAt: sessions.expiresAt,
        lastSeenAt: sessions.lastSeenAt,
        user: userColumns,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.idHash, idHash))
      .limit(1);
    return row;
  }

  async touchSession(idHash: string, now: Date): Promise<void> {
    await this.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.idHash, idHash));
  }

  async deleteSessionsOf(userId: number): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.userId, userId));
  }

  async deleteExpiredSessions(now: Date): Promise<void> {
    await this.db.delete(sessions).where(lt(sessions.expiresAt, now));
  }

  async insertToken(t: {
    tokenHash: string;
    purpose: TokenPurpose;
    email?: string | null;
    role?: Role | null;
    userId?: number | null;
    expiresAt: Date;
  }) {
    await this.db.insert(oneTimeTokens).values(t);
  }

  async token(tokenHash: string): Promise<TokenRow | undefined> {
    const [row] = await this.db
      .select({
        purpose: oneTimeTokens.purpose,
        email: oneTimeTokens.email,
        role: oneTimeTokens.role,
        userId: oneTimeTokens.userId,
        expiresAt: oneTimeTokens.expiresAt,
        usedAt: oneTimeTokens.usedAt,
      })
      .from(oneTimeTokens)
      .where(eq(oneTimeTokens.tokenHash, tokenHash))
      .limit(1);
    return row;
  }

  /** Marks a token used; false when it was already used (a second click, a replay). */
  async useToken(tokenHash: string, now: Date): Promise<boolean> {
    const rows = await this.db
      .update(oneTimeTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(oneTimeTokens.tokenHash, tokenHash),
          isNull(oneTimeTokens.usedAt),
          gt(oneTimeTokens.expiresAt, now),
        ),
      )
      .returning({ hash: oneTimeTokens.tokenHash });
    return rows.length === 1;
  }

  async hasUnusedSetupToken(now: Date): Promise<boolean> {
    const [row] = await this.db
      .select({ n: count() })
      .from(oneTimeTokens)
      .where(
        and(
          eq(oneTimeTokens.purpose, 'setup'),
          isNull(oneTimeTokens.usedAt),
          gt(oneTimeTokens.expiresAt, now),
        ),
      );
    return Number(row?.n ?? 0) > 0;
  }

  async audit(entry: {
    userId: number | null;
    action: string;
    articleId: number | null;
    details: string;
    at: Date;
  }) {
    await this.db.insert(auditLog).values(entry);
  }

  auditTrail(articleId: number | null, limit: number) {
    return this.db
      .select({
        at: auditLog.at,
        action: auditLog.action,
        articleId: auditLog.articleId,
        details: auditLog.details,
        userName: sql<string | null>`${users.name}`,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .where(articleId === null ? undefined : eq(auditLog.articleId, articleId))
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(limit);
  }
}
