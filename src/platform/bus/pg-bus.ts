import pg from 'pg';
import { type Bus, type BusListener, checkChannel, checkMessage, Subscribers } from './bus.ts';

export interface PgBusOptions {
  /** Called when the listening connection drops or a reconnect fails (it keeps retrying). */
  onError?: (error: unknown) => void;
  /** Called after a reconnect: messages sent while disconnected are lost, so callers re-read state. */
  onReconnect?: () => void;
}

/**
 * PostgreSQL LISTEN/NOTIFY between instances. One dedicated connection listens (a pooled connection
 * would lose its LISTENs when returned); publishing uses pg_notify on the shared pool. The listening
 * connection reconnects with backoff and re-issues its LISTENs.
 */
export class PgBus implements Bus {
  private readonly subscribers = new Subscribers();
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly connectionString: string,
    private readonly pool: pg.Pool,
    private readonly options: PgBusOptions = {},
  ) {}

  async publish(channel: string, message: string): Promise<void> {
    await this.pool.query('SELECT pg_notify($1, $2)', [checkChannel(channel), checkMessage(message)]);
  }

  async subscribe(channel: string, listener: BusListener): Promise<() => Promise<void>> {
    const { first, remove } = this.subscribers.add(checkChannel(channel), listener);
    if (first) await (await this.connection()).query(`LISTEN ${channel}`);
    return async () => {
      if (remove() && this.client) await this.client.query(`UNLISTEN ${channel}`).catch(() => {});
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private connection(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (note) => this.subscribers.deliver(note.channel, note.payload ?? ''));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('bus connection ended')));
    await client.connect();
    for (const channel of this.subscribers.channels()) await client.query(`LISTEN ${channel}`);
    this.client = client;
    return client;
  }

  private lost(client: pg.Client, error: unknown): void {
    if (this.client !== client || this.closed) return;
    this.client = null;
    this.options.onError?.(error);
    this.retry(250);
  }

  private retry(delayMs: number): void {
    this.retryTimer = setTimeout(() => {
      if (this.closed) return;
      this.connection().then(
        () => this.options.onReconnect?.(),
        (error: unknown) => {
          this.options.onError?.(error);
          this.retry(Math.min(delayMs * 2, 10_000));
        },
      );
    }, delayMs);
    this.retryTimer.unref();
  }
}
