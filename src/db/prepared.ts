import { is, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { PgDialect, type PgPreparedQuery, type PreparedQueryConfig } from 'drizzle-orm/pg-core';
import { PgliteSession } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { Database } from './client.ts';

const dialect = new PgDialect();

/**
 * PGlite has no autovacuum, so nothing replans a prepared statement as its tables grow: its plan is made
 * afresh this often (one planning a minute, where every request used to plan).
 */
const pgliteReplanMs = 60_000;
/** Names PGlite statements uniquely in this process, so repositories sharing a session never collide. */
let pgliteStatements = 0;

/**
 * A statement with one argument that the database plans once and afterwards only executes: the article
 * page's SQL takes longer to plan than to run (on PGlite about 2 of its 3 ms, on PostgreSQL most of its
 * 2 ms). On PostgreSQL, node-postgres keeps the named statement on each pooled connection, and ANALYZE
 * replans it. Drizzle's PGlite driver cannot name statements, so PGlite's one session gets an SQL
 * `PREPARE`, and `EXECUTE` carries the argument as a literal, quoted by node-postgres' `escapeLiteral`
 * (a number must be a safe integer).
 */
export class PreparedRows<T, A extends string | number> {
  private readonly onPglite: boolean;
  private readonly prepared: PgPreparedQuery<PreparedQueryConfig>;
  private readonly query: { sql: string; params: unknown[] };
  private pglite: { name: Promise<string>; preparedAt: number } | null = null;

  constructor(
    private readonly db: Database,
    private readonly name: string,
    private readonly argType: A extends string ? 'text' : 'int',
    statement: (arg: Placeholder<'arg'>) => SQL,
  ) {
    this.query = dialect.sqlToQuery(statement(sql.placeholder('arg')));
    if (this.query.params.length !== 1) throw new Error(`${name} must have exactly one parameter`);
    this.onPglite = is(db._.session, PgliteSession);
    this.prepared = db._.session.prepareQuery(this.query, undefined, name, false);
  }

  async run(arg: A): Promise<T[]> {
    if (!this.onPglite) return ((await this.prepared.execute({ arg })) as { rows: T[] }).rows;
    const name = await this.pgliteStatement();
    const result = await this.db.execute(sql.raw(`execute ${name}(${literal(arg)})`));
    return (result as unknown as { rows: T[] }).rows;
  }

  /**
   * The PGlite session's statement, prepared again under a new name once its plan is a minute old. The
   * old one is dropped after the new one is ready: executions already queued (PGlite runs statements in
   * order) still find it.
   */
  private pgliteStatement(): Promise<string> {
    const current = this.pglite;
    if (current && Date.now() - current.preparedAt < pgliteReplanMs) return current.name;
    const name = `${this.name}_${++pgliteStatements}`;
    const ready = this.db
      .execute(sql.raw(`prepare ${name}(${this.argType}) as ${this.query.sql}`))
      .then(async () => {
        if (current) await this.dropPgliteStatement(await current.name);
        return name;
      });
    this.pglite = { name: ready, preparedAt: Date.now() };
    // A failed PREPARE is tried again by the next request; the old statement, if any, serves until then.
    ready.catch(() => {
      if (this.pglite?.name === ready) this.pglite = current && { ...current, preparedAt: 0 };
    });
    return ready;
  }

  private async dropPgliteStatement(name: string): Promise<void> {
    await this.db.execute(sql.raw(`deallocate ${name}`)).catch((error: unknown) => {
      // A statement left behind costs a little memory until the session ends; the page is unaffected.
      console.warn(`could not drop the prepared statement ${name}`, error);
    });
  }
}

/** The argument as an SQL literal for PGlite's `EXECUTE`. */
function literal(arg: string | number): string {
  if (typeof arg === 'string') return pg.escapeLiteral(arg);
  if (!Number.isSafeInteger(arg)) throw new Error(`not a whole number: ${arg}`);
  return String(arg);
}
