import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cachePage, respond } from '../../src/http/page-cache/cached-page.ts';
import { maxHeadBytes, scanRequest } from '../../src/http/page-cache/request-head.ts';

const head = (...lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
const plain = (line = 'GET /politics/story HTTP/1.1', ...headers: string[]) =>
  head(line, 'Host: news.example', ...headers);

describe('fast lane: request scanner', () => {
  it('reads a plain GET or HEAD with the headers that choose the answer', () => {
    const raw = plain(
      'GET /politics/story?page=2&utm_source=x HTTP/1.1',
      'Accept-Encoding:  gzip, br ',
      'If-None-Match: W/"abc"',
      'if-modified-since: Sun, 29 Nov 2026 10:00:00 GMT',
      'Connection: Keep-Alive',
      'User-Agent: Mozilla/5.0 (X11; Linux x86_64)',
      "X-Odd_Token!#$%&'*+-.^`|~: value\twith tab",
    );
    assert.deepEqual(scanRequest(raw, 0), {
      method: 'GET',
      target: '/politics/story?page=2&utm_source=x',
      acceptEncoding: 'gzip, br',
      ifNoneMatch: 'W/"abc"',
      ifModifiedSince: 'Sun, 29 Nov 2026 10:00:00 GMT',
      end: raw.length,
    });
    const headRequest = scanRequest(plain('HEAD / HTTP/1.1'), 0);
    assert.equal(headRequest?.method, 'HEAD');
    assert.equal(headRequest?.target, '/');
    assert.equal(headRequest?.acceptEncoding, undefined);
  });

  it('finds each of several pipelined heads where the previous one ends', () => {
    const first = plain('GET /a HTTP/1.1');
    const second = plain('HEAD /b HTTP/1.1', 'Accept-Encoding: br');
    const both = Buffer.concat([first, second]);
    const a = scanRequest(both, 0);
    assert.equal(a?.target, '/a');
    assert.equal(a?.end, first.length);
    const b = scanRequest(both, a?.end ?? 0);
    assert.equal(b?.target, '/b');
    assert.equal(b?.end, both.length);
  });

  it('leaves an incomplete head to Node, however it is cut', () => {
    const whole = plain('GET /a HTTP/1.1', 'Accept-Encoding: br');
    for (let cut = 0; cut < whole.length; cut++) {
      assert.equal(scanRequest(whole.subarray(0, cut), 0), null, `cut at ${cut}`);
    }
    // A complete head followed by the start of the next: the second is not answered yet.
    const pipelined = Buffer.concat([whole, whole.subarray(0, 10)]);
    assert.equal(scanRequest(pipelined, whole.length), null);
  });

  it('leaves every request outside the plain subset to Node', () => {
    const refused: Record<string, Buffer> = {
      'another method': plain('POST /a HTTP/1.1'),
      'a lower-case method': plain('get /a HTTP/1.1'),
      'HTTP/1.0': plain('GET /a HTTP/1.0'),
      'HTTP/2 preface': Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'),
      'an absolute-form target': plain('GET http://news.example/a HTTP/1.1'),
      'an asterisk target': plain('OPTIONS * HTTP/1.1'),
      'two spaces': plain('GET  /a HTTP/1.1'),
      'a space in the target': plain('GET /a b HTTP/1.1'),
      'a tab for a space': plain('GET\t/a HTTP/1.1'),
      'a byte above ASCII in the target': plain('GET /caf\xe9 HTTP/1.1'),
      'a control character in the target': plain('GET /a\x01 HTTP/1.1'),
      'no version': plain('GET /a'),
      'trailing space after the version': plain('GET /a HTTP/1.1 '),
      'an empty line first': Buffer.concat([Buffer.from('\r\n'), plain()]),
      'Content-Length': plain(undefined, 'Content-Length: 0'),
      'Transfer-Encoding': plain(undefined, 'Transfer-Encoding: chunked'),
      Expect: plain(undefined, 'Expect: 100-continue'),
      Upgrade: plain(undefined, 'Upgrade: websocket', 'Connection: Upgrade'),
      'Connection: close': plain(undefined, 'Connection: close'),
      'Connection with other tokens': plain(undefined, 'Connection: keep-alive, TE'),
      'no Host': head('GET /a HTTP/1.1', 'Accept: */*'),
      'two Hosts': plain(undefined, 'Host: other.example'),
      'an empty Host': head('GET /a HTTP/1.1', 'Host: '),
      'two Accept-Encoding lines': plain(undefined, 'Accept-Encoding: br', 'Accept-Encoding: gzip'),
      'two If-None-Match lines': plain(undefined, 'If-None-Match: "a"', 'If-None-Match: "b"'),
      'obs-fold': plain(undefined, 'X-Long: one', ' two'),
      'a space before the colon': plain(undefined, 'Accept-Encoding : br'),
      'no colon': plain(undefined, 'Accept-Encoding br'),
      'an empty name': plain(undefined, ': br'),
      'a separator in the name': plain(undefined, 'X(y): z'),
      'a bare LF inside a value': plain(undefined, 'X-A: one\ntwo'),
      'a bare CR inside a value': plain(undefined, 'X-A: one\rtwo'),
      'a bare LF ending a line': Buffer.from('GET /a HTTP/1.1\nHost: a\r\n\r\n'),
      'a NUL in a value': plain(undefined, 'X-A: a\x00b'),
      'DEL in a value': plain(undefined, 'X-A: a\x7fb'),
      'obs-text in a value': plain(undefined, 'X-A: caf\xe9'),
      garbage: Buffer.from('\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n', 'latin1'),
    };
    for (const [name, raw] of Object.entries(refused)) {
      assert.equal(scanRequest(raw, 0), null, name);
    }
  });

  it('leaves heads past its size limit to Node', () => {
    const filler = 'x'.repeat(100);
    const lines = Array.from({ length: Math.ceil(maxHeadBytes / 110) }, (_, i) => `X-Filler-${i}: ${filler}`);
    assert.equal(scanRequest(plain(undefined, ...lines), 0), null);
    assert.ok(scanRequest(plain(undefined, ...lines.slice(0, 10)), 0));
  });
});

describe('fast lane: prebuilt heads', () => {
  it('hold exactly the status line and headers Node writes for a hit or a 304', async () => {
    const page = cachePage({
      body: '<p>hello</p>',
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', etag: 'W/"x"', 'set-later': 'y' },
      tags: [],
      storedAt: 0,
    });
    for (const encoding of ['br', 'gzip', 'identity'] as const) {
      const lines = Object.entries(page.hitHeaders[encoding]).map(([name, value]) => `${name}: ${value}\r\n`);
      assert.equal(page.hitHeads[encoding].toString('latin1'), `HTTP/1.1 200 OK\r\n${lines.join('')}`);
    }
    const notModified = respond(page, { ifNoneMatch: 'W/"x"' }, 'hit');
    const lines = Object.entries(notModified.headers).map(([name, value]) => `${name}: ${value}\r\n`);
    assert.equal(
      page.hitHeads.notModified.toString('latin1'),
      `HTTP/1.1 304 Not Modified\r\n${lines.join('')}`,
    );
  });

  it('refuse a header value Node would refuse to send', () => {
    assert.throws(
      () => cachePage({ body: 'a', status: 200, headers: { 'x-bad': 'a\r\nb' }, tags: [], storedAt: 0 }),
      /Invalid character in header content/,
    );
  });
});
