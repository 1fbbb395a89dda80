import type { Server as HttpServer } from 'node:http';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Encoding } from '../compression/index.ts';
import { type CachedPage, variantFor } from './cached-page.ts';
import { cacheKey } from './key.ts';
import type { PageCache } from './page-cache.ts';
import { type SimpleRequest, scanRequest } from './request-head.ts';

/**
 * The fast lane: a plain TCP listener in front of Node's HTTP server. Fresh page-cache hits asked for in
 * the plainest form (`request-head.ts`) are answered straight from the socket with bytes built when the
 * page was stored; Node's HTTP layer costs more than the rest of a hit together. At the first request it
 * will not answer (a miss, a POST, anything odd, a head not yet complete), the connection is handed to
 * Node's HTTP server (Fastify's `app.server`) for good, with the bytes it has not used put back, after the
 * answers it already wrote. It never keeps a half-read request: Node's parser and its timeouts deal with
 * slow and strange clients.
 */

export interface ListenOptions {
  port: number;
  host: string;
}

export interface Listener {
  /** Where it listens (in a cluster worker, the port it shares with the other workers). */
  address(): AddressInfo;
  /**
   * Stops accepting and closes idle connections, the fast lane's and Node's. Connections busy with a
   * request (an upload, a live stream) are Node's: they finish under Fastify's `close()`.
   */
  close(): Promise<void>;
}

/**
 * Listens for the app: with the fast lane in front when there is a page cache, and with every connection
 * handed straight to Node without one (PAGE_CACHE=off). Works in a node:cluster worker as any
 * `net.Server` does.
 */
export async function listen(
  app: FastifyInstance,
  cache: PageCache | null,
  options: ListenOptions,
): Promise<Listener> {
  await app.ready();
  const http = app.server;
  // Node 20 starts tracking an HTTP server's connections, and the interval that enforces headersTimeout
  // and requestTimeout on them, on that server's own 'listening' event (lib/_http_server.js:
  // `this.on('listening', setupConnectionsTracking)`). This one never listens: tell it once, so that the
  // connections handed to it get those timeouts and `closeIdleConnections()` finds them.
  http.emit('listening');
  const lane = fastLane(http, cache, app.log);
  const server = createServer({ allowHalfOpen: true, noDelay: true }, lane.accept);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port, host: options.host }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => app.log.error({ err: error }, 'listener error'));
  return {
    address: () => server.address() as AddressInfo,
    close: () =>
      new Promise((resolve) => {
        // Its own callback would wait for every connection, busy ones included.
        server.close();
        lane.closeIdle();
        // Closes Node's idle connections and stops its timeout checks; it says it was not listening.
        http.close(() => resolve());
      }),
  };
}

/** Node keeps an idle keep-alive connection this much longer than it advertises, so clients close first. */
const keepAliveGraceMs = 1000;

function fastLane(http: HttpServer, cache: PageCache | null, log: FastifyBaseLogger) {
  /** Connections the fast lane still owns; between two data events each is idle. */
  const owned = new Set<Socket>();
  const responses = new HitResponses(http);

  function handOff(socket: Socket, unread: Buffer | null): void {
    if (unread && unread.length > 0) socket.unshift(unread);
    http.emit('connection', socket);
  }

  function accept(socket: Socket): void {
    if (cache) own(socket, cache);
    else handOff(socket, null);
  }

  /** Answers the socket's requests until one is not a fresh hit, then hands it to Node. */
  function own(socket: Socket, cache: PageCache): void {
    owned.add(socket);
    if (http.keepAliveTimeout > 0) socket.setTimeout(http.keepAliveTimeout + keepAliveGraceMs);
    const onData = (chunk: Buffer) => {
      if (socket.writableEnded) return;
      try {
        const unread = answer(socket, chunk, cache, responses);
        if (unread) {
          release();
          handOff(socket, unread);
        } else if (socket.writableLength > socket.writableHighWaterMark) {
          // A client pipelining faster than it reads: stop reading until it has caught up.
          socket.pause();
          socket.once('drain', () => socket.resume());
        }
      } catch (error) {
        log.error({ err: error }, 'fast lane failed on a connection');
        socket.destroy();
      }
    };
    // The client sent its last request: close once the answers are written.
    const onEnd = () => socket.end();
    const onTimeout = () => socket.destroy();
    // Resets and the like: the connection is gone, nothing to answer.
    const onError = () => socket.destroy();
    const onClose = () => owned.delete(socket);
    const release = () => {
      owned.delete(socket);
      socket.setTimeout(0);
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('timeout', onTimeout);
      socket.off('error', onError);
      socket.off('close', onClose);
    };
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.on('timeout', onTimeout);
    socket.on('error', onError);
    socket.on('close', onClose);
  }

  function closeIdle(): void {
    for (const socket of owned) {
      socket.end();
      if (socket.writableFinished) socket.destroy();
      else socket.once('finish', () => socket.destroy());
    }
  }

  return { accept, closeIdle };
}

/**
 * Answers the complete requests at the start of `chunk` that are fresh cache hits, in one corked write.
 * Returns the bytes from the first request it will not answer on (Node's from then on), or null when it
 * answered them all.
 */
function answer(socket: Socket, chunk: Buffer, cache: PageCache, responses: HitResponses): Buffer | null {
  socket.cork();
  try {
    let offset = 0;
    while (offset < chunk.length) {
      const request = scanRequest(chunk, offset);
      const page = request && cache.fresh(cacheKey(request.target));
      if (!request || !page) return chunk.subarray(offset);
      responses.write(socket, page, request);
      offset = request.end;
    }
    return null;
  } finally {
    socket.uncork();
  }
}

/**
 * Writes what `respond()` answers for a hit, as Node would write it: the page's prebuilt head, then the
 * Date, Connection and Keep-Alive lines Node adds (rebuilt at most once a second), then the body unless
 * it is a 304 or a HEAD. A GET's three parts are joined into one buffer once a second per page and
 * encoding, so a hit is one plain write as from a static file server (three corked writes, one writev,
 * measured 15-25% fewer requests/s). Only pages asked for in the current second are held twice.
 */
class HitResponses {
  private second = -1;
  private keepAliveTimeout = -1;
  private tail = Buffer.alloc(0);
  private readonly joined = new Map<CachedPage, Partial<Record<Encoding, Buffer>>>();

  constructor(private readonly http: HttpServer) {}

  write(socket: Socket, page: CachedPage, request: SimpleRequest): void {
    this.tick();
    const variant = variantFor(page, request);
    if (variant === 'notModified' || request.method === 'HEAD') {
      socket.write(page.hitHeads[variant]);
      socket.write(this.tail);
      return;
    }
    let forPage = this.joined.get(page);
    if (!forPage) {
      forPage = {};
      this.joined.set(page, forPage);
    }
    forPage[variant] ??= Buffer.concat([page.hitHeads[variant], this.tail, page.bodies[variant]]);
    socket.write(forPage[variant]);
  }

  private tick(): void {
    const now = Math.floor(Date.now() / 1000);
    const timeout = this.http.keepAliveTimeout;
    if (now === this.second && timeout === this.keepAliveTimeout) return;
    this.second = now;
    this.keepAliveTimeout = timeout;
    this.joined.clear();
    const keepAlive = timeout > 0 ? `Keep-Alive: timeout=${Math.floor(timeout / 1000)}\r\n` : '';
    const date = new Date(now * 1000).toUTCString();
    this.tail = Buffer.from(`Date: ${date}\r\nConnection: keep-alive\r\n${keepAlive}\r\n`, 'latin1');
  }
}
