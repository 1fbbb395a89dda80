import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { compressBody, encodingFor, pickEncoding } from '../../src/http/compression/index.ts';

describe('compression', () => {
  it('picks brotli, then gzip, honouring q=0', () => {
    assert.equal(pickEncoding('gzip, deflate, br'), 'br');
    assert.equal(pickEncoding('br;q=0, gzip'), 'gzip');
    assert.equal(pickEncoding('BR;q=0.0, gzip;q=0'), 'identity');
    assert.equal(pickEncoding('identity'), 'identity');
    assert.equal(pickEncoding(undefined), 'identity');
    assert.equal(pickEncoding('*'), 'gzip');
  });

  it('remembers a parsed header and answers the same', () => {
    assert.equal(encodingFor('gzip, br'), 'br');
    assert.equal(encodingFor('gzip, br'), 'br');
    assert.equal(encodingFor(''), 'identity');
  });

  it('compresses bodies that decompress to the same bytes, harder when stored', () => {
    const body = Buffer.from(
      Array.from({ length: 400 }, (_, i) => `<p class="para">Paragraph ${i % 37} of the story.</p>`).join(''),
    );
    for (const effort of ['response', 'stored'] as const) {
      const br = compressBody(body, 'br', effort);
      const gz = compressBody(body, 'gzip', effort);
      assert.deepEqual(brotliDecompressSync(br), body);
      assert.deepEqual(gunzipSync(gz), body);
      assert.ok(br.length < body.length / 5, `${effort}: brotli made ${br.length} of ${body.length} bytes`);
    }
    assert.ok(compressBody(body, 'br', 'stored').length <= compressBody(body, 'br', 'response').length);
  });
});
