import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createEdgePurger,
  edgePurgeSettings,
  isPurgeTag,
  tagBatches,
} from '../../src/platform/edge-purge/index.ts';

const zone = '0123456789abcdef0123456789abcdef';

function problem(env: Record<string, string>): string {
  try {
    edgePurgeSettings(env);
  } catch (error) {
    return (error as Error).message;
  }
  assert.fail(`expected ${JSON.stringify(env)} to be refused`);
}

describe('edge purge settings', () => {
  it('purges nothing by default', () => {
    const settings = edgePurgeSettings({});
    assert.deepEqual(settings, { target: { kind: 'none' }, timeoutMs: 10_000, repeatAfterMs: 0 });
    assert.equal(createEdgePurger(settings), null);
  });

  it('reads every adapter with its defaults', () => {
    assert.deepEqual(
      edgePurgeSettings({
        EDGE_PURGE: 'varnish',
        VARNISH_PURGE_URL: 'http://127.0.0.1:6081/, http://10.0.0.7:80',
        VARNISH_SOFT_PURGE: 'true',
        EDGE_PURGE_REPEAT_AFTER_MS: '2000',
      }),
      {
        target: { kind: 'varnish', urls: ['http://127.0.0.1:6081', 'http://10.0.0.7:80'], soft: true },
        timeoutMs: 10_000,
        repeatAfterMs: 2000,
      },
    );
    assert.deepEqual(
      edgePurgeSettings({
        EDGE_PURGE: 'fastly',
        FASTLY_SERVICE_ID: 'SU1Z0isxPaozGVKXdv0eY',
        FASTLY_API_TOKEN: 't',
      }).target,
      {
        kind: 'fastly',
        serviceId: 'SU1Z0isxPaozGVKXdv0eY',
        apiToken: 't',
        apiUrl: 'https://api.fastly.com',
        soft: false,
      },
    );
    assert.deepEqual(
      edgePurgeSettings({
        EDGE_PURGE: 'cloudflare',
        CLOUDFLARE_ZONE_ID: zone,
        CLOUDFLARE_API_TOKEN: 'secret',
        CLOUDFLARE_PURGE_BATCH: '100',
        EDGE_PURGE_TIMEOUT_MS: '2500',
      }),
      {
        target: {
          kind: 'cloudflare',
          zoneId: zone,
          apiToken: 'secret',
          apiUrl: 'https://api.cloudflare.com/client/v4',
          batchSize: 100,
        },
        timeoutMs: 2500,
        repeatAfterMs: 0,
      },
    );
    for (const kind of ['varnish', 'fastly', 'cloudflare']) {
      const env = {
        EDGE_PURGE: kind,
        VARNISH_PURGE_URL: 'http://127.0.0.1:6081',
        FASTLY_SERVICE_ID: 'abc',
        FASTLY_API_TOKEN: 't',
        CLOUDFLARE_ZONE_ID: zone,
        CLOUDFLARE_API_TOKEN: 't',
      };
      assert.equal(createEdgePurger(edgePurgeSettings(env))?.name, kind);
    }
  });

  it('stops start-up with a message naming each missing or wrong setting', () => {
    assert.match(
      problem({ EDGE_PURGE: 'akamai' }),
      /EDGE_PURGE: must be none, varnish, fastly or cloudflare/,
    );
    assert.match(problem({ EDGE_PURGE: 'varnish' }), /VARNISH_PURGE_URL: is required/);
    assert.match(
      problem({ EDGE_PURGE: 'varnish', VARNISH_PURGE_URL: 'ftp://cache.example' }),
      /VARNISH_PURGE_URL: must be an http/,
    );
    const fastly = problem({ EDGE_PURGE: 'fastly', FASTLY_SOFT_PURGE: 'maybe' });
    assert.match(fastly, /FASTLY_SERVICE_ID: is required/);
    assert.match(fastly, /FASTLY_API_TOKEN: is required/);
    assert.match(fastly, /FASTLY_SOFT_PURGE: must be true or false/);
    const cloudflare = problem({
      EDGE_PURGE: 'cloudflare',
      CLOUDFLARE_ZONE_ID: 'example.com',
      CLOUDFLARE_API_TOKEN: '  ',
      CLOUDFLARE_PURGE_BATCH: '500',
    });
    assert.match(cloudflare, /CLOUDFLARE_ZONE_ID: must be the 32-character hexadecimal zone id/);
    assert.match(cloudflare, /CLOUDFLARE_API_TOKEN: is required/);
    assert.match(cloudflare, /CLOUDFLARE_PURGE_BATCH: must be a whole number from 1 to 100/);
    assert.match(
      problem({
        EDGE_PURGE: 'fastly',
        FASTLY_SERVICE_ID: 'abc',
        FASTLY_API_TOKEN: 't',
        FASTLY_API_URL: 'nope',
      }),
      /FASTLY_API_URL: must be an http/,
    );
    assert.match(
      problem({ EDGE_PURGE: 'none', EDGE_PURGE_TIMEOUT_MS: 'soon' }),
      /EDGE_PURGE_TIMEOUT_MS: must be a whole number/,
    );
  });
});

describe('purge tags and batches', () => {
  it('accepts the tags pages carry and refuses what would break a header list', () => {
    for (const tag of ['article:12', 'section:politics', 'author:jane-doe', 'tag:nato', 'home', 'media:3']) {
      assert.ok(isPurgeTag(tag), tag);
    }
    for (const tag of ['', 'tag:two words', 'a,b', 'tag:café', 'x'.repeat(257), 'line\nbreak']) {
      assert.equal(isPurgeTag(tag), false, JSON.stringify(tag));
    }
  });

  it('drops repeats and cuts by count and by header length', () => {
    const tags = Array.from({ length: 7 }, (_, i) => `article:${i}`);
    assert.deepEqual(tagBatches([...tags, 'article:0', 'article:3'], { maxCount: 3 }), [
      ['article:0', 'article:1', 'article:2'],
      ['article:3', 'article:4', 'article:5'],
      ['article:6'],
    ]);
    // "article:0 article:1" is 19 bytes: a third tag would pass 25.
    const bySize = tagBatches(tags, { maxCount: 100, maxHeaderBytes: 25 });
    assert.deepEqual(bySize[0], ['article:0', 'article:1']);
    assert.deepEqual(bySize.flat(), tags);
    assert.ok(bySize.every((batch) => batch.join(' ').length <= 25));
    assert.deepEqual(tagBatches([], { maxCount: 3 }), []);
  });
});
