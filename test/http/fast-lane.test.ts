import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import sharp from 'sharp';
import { sessionCookie } from '../../src/http/admin/session.ts';
import { type Listener, listen } from '../../src/http/page-cache/index.ts';
import type { EditorArticle } from '../../src/modules/articles/index.ts';
import { editable, signedIn } from '../helpers/admin-client.ts';
import { databaseKinds, startTestApp, type TestApp } from '../helpers/app.ts';
import { decodeEntities } from '../helpers/html.ts';

interface RawResponse {
  status: number;
  /** The status line and header lines as sent, without the blank line. */
  head: string;
  headers: Map<string, string>;
  body: Buffer;
}

/** One TCP connection that writes raw bytes and reads HTTP/1.1 responses off it, one at a time. */
class RawConnection {
  private buffered = Buffer.alloc(0);
  private wake: (() => void) | undefined;
  private ended = false;
  readonly closed: Promise<void>;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      this.notify();
    });
    socket.on('error', () => {});
    this.closed = new Promise((resolve) =>
      socket.on('close', () => {
        this.ended = true;
        this.notify();
        resolve();
      }),
    );
  }

  static async open(port: number): Promise<RawConnection> {
    const socket = connect({ port, host: '127.0.0.1', noDelay: true });
    await once(socket, 'connect');
    return new RawConnection(socket);
  }

  write(data: string | Buffer): void {
    this.socket.write(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
  }

  destroy(): void {
    this.socket.destroy();
  }

  /** Reads the next response; `noBody` for HEAD and for streams whose body never ends. */
  async response(noBody = false): Promise<RawResponse> {
    const headEnd = await this.until(() => at(this.buffered.indexOf('\r\n\r\n')));
    const head = this.take(headEnd + 4).toString('latin1', 0, headEnd);
    const [statusLine = '', ...lines] = head.split('\r\n');
    const headers = new Map<string, string>();
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
    }
    const status = Number(statusLine.split(' ')[1]);
    return { status, head, headers, body: await this.body(status, headers, noBody) };
  }

  private async body(status: number, headers: Map<string, string>, noBody: boolean): Promise<Buffer> {
    if (noBody || status === 304 || status === 204) return Buffer.alloc(0);
    const length = headers.get('content-length');
    if (length !== undefined) return this.bytes(Number(length));
    if (headers.get('transfer-encoding') === 'chunked') {
      const chunks: Buffer[] = [];
      for (;;) {
        const lineEnd = await this.until(() => at(this.buffered.indexOf('\r\n')));
        const size = Number.parseInt(this.take(lineEnd + 2).toString('latin1'), 16);
        const chunk = await this.bytes(size + 2);
        if (size === 0) return Buffer.concat(chunks);
        chunks.push(chunk.subarray(0, size));
      }
    }
    await this.closed;
    return this.take(this.buffered.length);
  }

  private bytes(n: number): Promise<Buffer> {
    return this.until(() => (this.buffered.length >= n ? this.take(n) : undefined));
  }

  private take(n: number): Buffer {
    const taken = this.buffered.subarray(0, n);
    this.buffered = this.buffered.subarray(n);
    return taken;
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private async until<T>(take: () => T | undefined): Promise<T> {
    for (;;) {
      const value = take();
      if (value !== undefined) return value;
      if (this.ended)
        throw new Error(`connection closed; unread: ${this.buffered.toString('latin1', 0, 300)}`);
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }
}

const at = (index: number) => (index === -1 ? undefined : index);

const get = (url: string, ...headers: string[]) =>
  [`GET ${url} HTTP/1.1`, 'Host: news.example', ...headers, '', ''].join('\r\n');

/** The head without its Date line, which moves with the clock. */
const undated = (head: string) =>
  head
    .split('\r\n')
    .filter((line) => !line.startsWith('Date: '))
    .join('\r\n');

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const kind of databaseKinds) {
  describe(`page cache fast lane on real sockets (${kind})`, () => {
    let t: TestApp;
    let listener: Listener;
    let port: number;
    /** Requests that reached Node's HTTP server: the fast lane's answers never do. */
    let nodeRequests = 0;
    let article = '';
    const connections: RawConnection[] = [];

    const open = async () => {
      const connection = await RawConnection.open(port);
      connections.push(connection);
      return connection;
    };
    /** A fresh hit for `url` in the page cache. */
    const warm = async (url: string) => {
      await t.server.inject({ url });
      assert.equal((await t.server.inject({ url })).headers['x-page-cache'], 'hit', url);
    };

    before(async () => {
      t = await startTestApp(kind);
      // A route of the test's own that proves a body reached Fastify byte for byte.
      await t.server.register(async (scope) => {
        scope.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_req, body, done) =>
          done(null, body),
        );
        scope.post('/test/echo', async (request) => {
          const body = request.body as Buffer;
          return { length: body.length, sha256: createHash('sha256').update(body).digest('hex') };
        });
      });
      // Node checks its header and request timeouts this often, read when its connection tracking starts
      // (a createServer option, so not in the Server type).
      Object.assign(t.server.server, { connectionsCheckingInterval: 100 });
      t.server.server.on('request', () => nodeRequests++);
      listener = await listen(t.server, t.app.pageCache, { port: 0, host: '127.0.0.1' });
      port = listener.address().port;
      const section = await t.server.inject({ url: '/politics' });
      article = /href="(\/politics\/[a-z0-9-]+)"/.exec(section.body)?.[1] ?? '';
      assert.ok(article, 'a politics story');
    });

    after(async () => {
      for (const connection of connections) connection.destroy();
      await listener.close();
      await t.close();
    });

    it('answers hits below Node with the bytes Node writes: br, gzip, identity, 304 and HEAD', async () => {
      await warm(article);
      const lane = await open();
      // A connection handed to Node by its first request (a miss), answered by Node from then on.
      const node = await open();
      node.write(get('/no-such-section'));
      assert.equal((await node.response()).status, 404);
      const etag = String((await t.server.inject({ url: article })).headers.etag);
      const requests: [string, boolean][] = [
        [get(article, 'Accept-Encoding: gzip, deflate, br'), false],
        [get(article, 'Accept-Encoding: gzip'), false],
        [get(article), false],
        [get(article, 'Accept-Encoding: br', `If-None-Match: ${etag}`), false],
        [get(article, 'If-Modified-Since: Sun, 29 Nov 2026 10:00:00 GMT'), false],
        [`HEAD ${article} HTTP/1.1\r\nHost: news.example\r\nAccept-Encoding: br\r\n\r\n`, true],
      ];
      const before = nodeRequests;
      const answers: RawResponse[] = [];
      for (const [request, noBody] of requests) {
        lane.write(request);
        answers.push(await lane.response(noBody));
      }
      assert.equal(nodeRequests, before, 'none reached Node');
      for (const [i, [request, noBody]] of requests.entries()) {
        node.write(request);
        const fromNode = await node.response(noBody);
        const answer = answers[i];
        assert.ok(answer);
        assert.equal(undated(answer.head), undated(fromNode.head), request);
        assert.ok(answer.body.equals(fromNode.body), request);
        assert.match(answer.head, /\r\nDate: [A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT\r\n/);
      }
      assert.equal(nodeRequests, before + requests.length);
      const [br, gzip, identity, notModified, , head] = answers;
      assert.equal(br?.headers.get('x-page-cache'), 'hit');
      assert.equal(br?.headers.get('content-encoding'), 'br');
      assert.equal(gzip?.headers.get('content-encoding'), 'gzip');
      assert.equal(identity?.headers.get('content-encoding'), undefined);
      const html = identity?.body.toString() ?? '';
      assert.match(html, /^<!doctype html>/i);
      assert.equal(brotliDecompressSync(br?.body ?? Buffer.alloc(0)).toString(), html);
      assert.equal(gunzipSync(gzip?.body ?? Buffer.alloc(0)).toString(), html);
      assert.equal(notModified?.status, 304);
      assert.equal(notModified?.body.length, 0);
      assert.equal(head?.status, 200);
      assert.equal(head?.headers.get('content-length'), br?.headers.get('content-length'));
      // HEAD sent no body: the connection still frames the next answer right.
      lane.write(get(article, 'Accept-Encoding: br'));
      assert.ok((await lane.response()).body.equals(br?.body ?? Buffer.alloc(0)));
    });

    it('answers a miss, then a hit, on one keep-alive connection', async () => {
      t.app.pageCache?.clear();
      const connection = await open();
      connection.write(get(article));
      const miss = await connection.response();
      assert.equal(miss.status, 200);
      assert.equal(miss.headers.get('x-page-cache'), 'miss');
      connection.write(get(article));
      const hit = await connection.response();
      assert.equal(hit.headers.get('x-page-cache'), 'hit');
      assert.ok(hit.body.equals(miss.body));
    });

    it('answers pipelined hit, miss, hit sent in one write, in order', async () => {
      t.app.pageCache?.clear();
      await warm(article);
      const connection = await open();
      connection.write(get(article) + get('/world') + get(article));
      const first = await connection.response();
      const second = await connection.response();
      const third = await connection.response();
      assert.equal(first.headers.get('x-page-cache'), 'hit');
      assert.equal(second.headers.get('x-page-cache'), 'miss');
      assert.equal(third.headers.get('x-page-cache'), 'hit');
      assert.ok(first.body.equals(third.body));
      assert.notEqual(first.body.toString(), second.body.toString());
      // Pipelined hits answered together, HEAD among them.
      connection.write(
        `HEAD ${article} HTTP/1.1\r\nHost: news.example\r\n\r\n${get(article)}${get('/world')}`,
      );
      assert.equal((await connection.response(true)).status, 200);
      assert.ok((await connection.response()).body.equals(first.body));
      assert.ok((await connection.response()).body.equals(second.body));
    });

    it('hands a request with a body, after a hit on the same connection, to Fastify intact', async () => {
      await warm(article);
      const body = randomBytes(300_000);
      const connection = await open();
      const post = [
        'POST /test/echo HTTP/1.1',
        'Host: news.example',
        'Content-Type: application/octet-stream',
        `Content-Length: ${body.length}`,
        '',
        '',
      ].join('\r\n');
      // The hit, the POST head and the start of its body arrive together; the rest in pieces.
      connection.write(Buffer.concat([Buffer.from(get(article) + post), body.subarray(0, 1000)]));
      for (let offset = 1000; offset < body.length; offset += 100_000) {
        await pause(10);
        connection.write(body.subarray(offset, offset + 100_000));
      }
      connection.write(get(article));
      assert.equal((await connection.response()).headers.get('x-page-cache'), 'hit');
      const echoed = await connection.response();
      assert.equal(echoed.status, 200, echoed.body.toString());
      assert.deepEqual(JSON.parse(echoed.body.toString()), {
        length: body.length,
        sha256: createHash('sha256').update(body).digest('hex'),
      });
      assert.equal((await connection.response()).headers.get('x-page-cache'), 'hit');
      // A chunked body as the first request.
      const chunked = await open();
      chunked.write(
        'POST /test/echo HTTP/1.1\r\nHost: news.example\r\nContent-Type: application/octet-stream\r\n' +
          'Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n',
      );
      assert.equal(JSON.parse((await chunked.response()).body.toString()).length, 11);
    });

    it('hands a newsroom upload (multipart, with its session) after a hit to Fastify intact', async () => {
      await warm(article);
      const { client } = await signedIn(t.app, t.server, 'editor');
      const picture = await sharp({
        create: {
          width: 300,
          height: 200,
          channels: 3,
          background: '#000',
          noise: { type: 'gaussian', mean: 128, sigma: 40 },
        },
      })
        .png()
        .toBuffer();
      const boundary = `----fastlane${Date.now()}`;
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="caption"\r\n\r\nThrough the fast lane\r\n` +
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.png"\r\n` +
            'Content-Type: image/png\r\n\r\n',
        ),
        picture,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const connection = await open();
      connection.write(
        get(article) +
          [
            'POST /admin/api/media HTTP/1.1',
            'Host: news.example',
            `Cookie: ${sessionCookie}=${client.cookie(sessionCookie)}`,
            `X-CSRF-Token: ${client.csrf}`,
            `Content-Type: multipart/form-data; boundary=${boundary}`,
            `Content-Length: ${payload.length}`,
            '',
            '',
          ].join('\r\n'),
      );
      connection.write(payload);
      assert.equal((await connection.response()).headers.get('x-page-cache'), 'hit');
      const uploaded = await connection.response();
      assert.equal(uploaded.status, 201, uploaded.body.toString());
      const media = JSON.parse(uploaded.body.toString());
      assert.equal(media.width, 300);
      assert.equal(media.height, 200);
      assert.equal(media.caption, 'Through the fast lane');
    });

    it('leaves a head split over two writes to Node, which answers it from the cache', async () => {
      await warm(article);
      const request = get(article, 'Accept-Encoding: gzip');
      const connection = await open();
      const before = nodeRequests;
      connection.write(request.slice(0, 20));
      await pause(50);
      connection.write(request.slice(20));
      const answer = await connection.response();
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.get('x-page-cache'), 'hit');
      assert.match(gunzipSync(answer.body).toString(), /^<!doctype html>/i);
      assert.equal(nodeRequests, before + 1);
    });

    it("answers garbage with Node's 400, and Connection: close by closing", async () => {
      const garbage = await open();
      garbage.write('\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03\r\n\r\n');
      const refused = await garbage.response();
      assert.equal(refused.status, 400);
      await garbage.closed;
      const closing = await open();
      closing.write(get(article, 'Connection: close'));
      const answer = await closing.response();
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.get('connection'), 'close');
      await closing.closed;
    });

    it('never serves a page published over after the publish returns', async () => {
      await warm(article);
      const connection = await open();
      connection.write(get(article));
      assert.equal((await connection.response()).headers.get('x-page-cache'), 'hit');
      const { client } = await signedIn(t.app, t.server, 'editor');
      const [, section = '', slug = ''] = article.split('/');
      const id = (await t.app.articles.articlePage({ actor: { kind: 'system' } } as never, section, slug))
        .article.id;
      const current = (await client.api('GET', `/admin/api/articles/${id}`)).json<EditorArticle>();
      const headline = `Fast lane sees the update ${kind}`;
      const saved = await client.api('PUT', `/admin/api/articles/${id}`, { ...editable(current), headline });
      assert.equal(saved.status, 200, saved.body);
      const published = await client.api('POST', `/admin/api/articles/${id}/publish`, {
        version: saved.json<{ version: number }>().version,
      });
      assert.equal(published.status, 200, published.body);
      const fresh = await open();
      fresh.write(get(article));
      const afterPublish = await fresh.response();
      assert.equal(afterPublish.headers.get('x-page-cache'), 'miss');
      assert.match(decodeEntities(afterPublish.body.toString()), new RegExp(headline));
      const again = await open();
      again.write(get(article));
      const hit = await again.response();
      assert.equal(hit.headers.get('x-page-cache'), 'hit');
      assert.match(decodeEntities(hit.body.toString()), new RegExp(headline));
    });

    it('survives clients that reset mid-answer', async () => {
      await warm(article);
      for (let i = 0; i < 20; i++) {
        const socket = connect({ port, host: '127.0.0.1' });
        await once(socket, 'connect');
        socket.write(get(article).repeat(50));
        socket.on('error', () => {});
        socket.resetAndDestroy();
      }
      const connection = await open();
      connection.write(get(article));
      assert.equal((await connection.response()).headers.get('x-page-cache'), 'hit');
    });

    it('hands live streams (SSE) to Node and keeps them open', async () => {
      const connection = await open();
      connection.write(get('/live/events?topics=site', 'Accept: text/event-stream'));
      const stream = await connection.response(true);
      assert.equal(stream.status, 200);
      assert.match(stream.headers.get('content-type') ?? '', /^text\/event-stream/);
      await pause(100);
      assert.equal(
        await Promise.race([connection.closed.then(() => 'closed'), pause(200).then(() => 'open')]),
        'open',
      );
    });

    // Without the timeout checks these hang: fail instead.
    it("gives connections handed over with a half-sent head Node's header timeout", {
      timeout: 20_000,
    }, async () => {
      const saved = t.server.server.headersTimeout;
      t.server.server.headersTimeout = 300;
      try {
        const slow = await open();
        slow.write(`GET ${article} HTTP/1.1\r\nHost: news.example\r\n`);
        const answer = await slow.response();
        assert.equal(answer.status, 408);
        await slow.closed;
      } finally {
        t.server.server.headersTimeout = saved;
      }
    });

    it("closes idle fast-lane connections after Node's keep-alive timeout", { timeout: 20_000 }, async () => {
      await warm(article);
      const saved = t.server.server.keepAliveTimeout;
      t.server.server.keepAliveTimeout = 100;
      try {
        const idle = await open();
        idle.write(get(article));
        const answer = await idle.response();
        assert.equal(answer.headers.get('keep-alive'), 'timeout=0');
        await idle.closed;
      } finally {
        t.server.server.keepAliveTimeout = saved;
      }
    });
  });

  describe(`listening without a page cache (${kind})`, () => {
    let t: TestApp;
    let listener: Listener;

    before(async () => {
      t = await startTestApp(kind, { env: { PAGE_CACHE: 'off' } });
      listener = await listen(t.server, t.app.pageCache, { port: 0, host: '127.0.0.1' });
    });
    after(async () => {
      await listener.close();
      await t.close();
    });

    it('hands every connection to Node', async () => {
      assert.equal(t.app.pageCache, null);
      let nodeRequests = 0;
      t.server.server.on('request', () => nodeRequests++);
      const connection = await RawConnection.open(listener.address().port);
      try {
        for (let i = 0; i < 2; i++) {
          connection.write(get('/politics'));
          const answer = await connection.response();
          assert.equal(answer.status, 200);
          assert.equal(answer.headers.get('x-page-cache'), undefined);
        }
        assert.equal(nodeRequests, 2);
      } finally {
        connection.destroy();
      }
    });
  });
}
