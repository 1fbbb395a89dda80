import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { LiveEvent, RealtimeService } from '../../modules/realtime/index.ts';

export interface HubOptions {
  /** Comment lines keep proxies and load balancers from closing idle streams (default 20 s). */
  heartbeatMs?: number;
  /** How long browsers wait before reconnecting, sent as `retry:` (default 3 s). */
  retryMs?: number;
  /** A client whose unsent bytes exceed this is dropped; it reconnects and replays (default 64 KB). */
  maxBufferedBytes?: number;
  /** Live events held for a client while its replay is read from the database (default 1,000). */
  maxBacklog?: number;
  /** Connections this process accepts; more are answered 503 (default 20,000). */
  maxConnections?: number;
}

/** One reader's stream. Kept small: 10,000 of them must fit in a process. */
class LiveConnection {
  /** The newest event id written; anything at or below it is a duplicate. */
  lastId: number;
  /** Live events that arrived while the replay was being read, or null once live. */
  backlog: { id: number; frame: Buffer }[] | null = null;
  closed = false;

  constructor(
    readonly res: ServerResponse,
    readonly topics: readonly string[],
    lastId: number,
  ) {
    this.lastId = lastId;
  }
}

const heartbeatFrame = Buffer.from(':\n\n');

/** An event as an SSE message. The JSON has no raw newlines, so one `data:` line holds it. */
export function encodeEvent(event: LiveEvent): Buffer {
  const envelope = JSON.stringify({ topic: event.topic, type: event.type, data: event.data });
  return Buffer.from(`id: ${event.id}\ndata: ${envelope}\n\n`);
}

/**
 * Server-Sent Events for one process: every connection by topic, one subscription to the realtime
 * service, each event serialised once and written to the connections that follow its topic. One
 * interval sends every heartbeat; a client that stops reading is dropped before its buffer grows past
 * the limit, and comes back with Last-Event-ID to replay what it missed.
 */
export class LiveHub {
  private readonly byTopic = new Map<string, Set<LiveConnection>>();
  private readonly all = new Set<LiveConnection>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly stopListening: () => void;
  private readonly retryMs: number;
  private readonly maxBufferedBytes: number;
  private readonly maxBacklog: number;
  private readonly maxConnections: number;
  private dropped = 0;

  constructor(
    private readonly realtime: RealtimeService,
    options: HubOptions = {},
  ) {
    this.retryMs = options.retryMs ?? 3000;
    this.maxBufferedBytes = options.maxBufferedBytes ?? 64 * 1024;
    this.maxBacklog = options.maxBacklog ?? 1000;
    this.maxConnections = options.maxConnections ?? 20_000;
    this.stopListening = realtime.onEvent((event) => this.broadcast(event));
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatMs ?? 20_000);
    this.heartbeat.unref();
  }

  get full(): boolean {
    return this.all.size >= this.maxConnections;
  }

  stats(): { connections: number; dropped: number; topics: number } {
    return { connections: this.all.size, dropped: this.dropped, topics: this.byTopic.size };
  }

  /**
   * Starts a stream on a hijacked response. With `lastEventId`, first replays what the reader missed
   * (events arriving meanwhile wait in a bounded backlog), then goes live.
   */
  async open(res: ServerResponse, topics: readonly string[], lastEventId: number | undefined): Promise<void> {
    // A reader who left before the stream started has nothing to clean up ('close' will not fire again).
    if (res.destroyed || !res.socket || res.socket.destroyed) return;
    // An id beyond what this instance has seen (a database restored from backup, or a reader coming from
    // an instance that is ahead) replays from here instead: a repeat is harmless, a gap is not.
    const latest = this.realtime.latestId();
    const from = lastEventId === undefined ? undefined : Math.min(lastEventId, latest);
    const connection = new LiveConnection(res, topics, from ?? latest);
    res.socket.setNoDelay(true);
    res.socket.setTimeout(0);
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      // no-transform: proxies must not compress or rewrite the stream.
      'cache-control': 'no-store, no-transform',
      // nginx and Varnish setups honour this and pass each message through at once.
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    res.write(`retry: ${this.retryMs}\n\n`);
    res.on('close', () => this.remove(connection));
    if (from !== undefined) connection.backlog = [];
    this.add(connection);
    if (from !== undefined) await this.replay(connection, from);
  }

  /** Ends every stream (server shutdown); browsers reconnect to another instance. */
  close(): void {
    clearInterval(this.heartbeat);
    this.stopListening();
    for (const connection of this.all) connection.res.end();
    this.all.clear();
    this.byTopic.clear();
  }

  private broadcast(event: LiveEvent): void {
    const followers = this.byTopic.get(event.topic);
    if (!followers || followers.size === 0) return;
    const frame = encodeEvent(event);
    for (const connection of followers) {
      if (connection.backlog) {
        if (connection.backlog.length >= this.maxBacklog) this.drop(connection);
        else connection.backlog.push({ id: event.id, frame });
      } else this.write(connection, event.id, frame);
    }
  }

  private async replay(connection: LiveConnection, from: number): Promise<void> {
    try {
      let after = from;
      for (;;) {
        const events = await this.realtime.since(connection.topics, after);
        for (const event of events) {
          if (connection.closed) return;
          this.send(connection, event.id, encodeEvent(event));
          after = event.id;
          // A long replay waits for the reader instead of piling up in memory.
          if (connection.res.writableLength > this.maxBufferedBytes) await this.drained(connection);
        }
        if (events.length === 0) break;
      }
      const backlog = connection.backlog ?? [];
      connection.backlog = null;
      for (const { id, frame } of backlog) this.write(connection, id, frame);
    } catch {
      // The reader reconnects and tries again; nothing is half-sent that it would not replay.
      this.drop(connection);
    }
  }

  private async drained(connection: LiveConnection): Promise<void> {
    if (connection.closed) return;
    // Whichever comes first; the other listener is removed rather than left on the response.
    const done = new AbortController();
    const { signal } = done;
    try {
      await Promise.race([
        once(connection.res, 'drain', { signal }),
        once(connection.res, 'close', { signal }),
      ]);
    } finally {
      done.abort();
    }
  }

  /** Writes during replay, when the buffer limit means "wait", not "drop". */
  private send(connection: LiveConnection, id: number, frame: Buffer): void {
    if (id <= connection.lastId) return;
    connection.res.write(frame);
    connection.lastId = id;
  }

  private write(connection: LiveConnection, id: number, frame: Buffer): void {
    if (id <= connection.lastId || connection.closed) return;
    if (connection.res.writableLength > this.maxBufferedBytes) {
      this.drop(connection);
      return;
    }
    connection.res.write(frame);
    connection.lastId = id;
  }

  private beat(): void {
    for (const connection of this.all) {
      if (connection.backlog) continue;
      if (connection.res.writableLength > this.maxBufferedBytes) this.drop(connection);
      else connection.res.write(heartbeatFrame);
    }
  }

  private add(connection: LiveConnection): void {
    this.all.add(connection);
    for (const topic of connection.topics) {
      let followers = this.byTopic.get(topic);
      if (!followers) {
        followers = new Set();
        this.byTopic.set(topic, followers);
      }
      followers.add(connection);
    }
  }

  private drop(connection: LiveConnection): void {
    if (connection.closed) return;
    this.dropped++;
    this.remove(connection);
    connection.res.destroy();
  }

  private remove(connection: LiveConnection): void {
    if (connection.closed) return;
    connection.closed = true;
    this.all.delete(connection);
    for (const topic of connection.topics) {
      const followers = this.byTopic.get(topic);
      if (!followers) continue;
      followers.delete(connection);
      if (followers.size === 0) this.byTopic.delete(topic);
    }
  }
}
