import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseVariantFile, variantUrl, widthsFor } from './media.ts';

describe('image variants', () => {
  it('never makes a variant wider than the original', () => {
    assert.deepEqual(widthsFor(1600), [320, 480, 640, 960, 1280, 1600]);
    assert.deepEqual(widthsFor(700), [320, 480, 640, 700]);
    assert.deepEqual(widthsFor(200), [200]);
  });

  it('parses only allowed variant file names', () => {
    assert.deepEqual(parseVariantFile('640.jpg'), { width: 640, format: 'jpeg' });
    assert.deepEqual(parseVariantFile('320.avif'), { width: 320, format: 'avif' });
    for (const bad of ['../../etc/passwd', '640.png', '640.jpg/..', 'x.webp', '99999.webp', '640.JPG']) {
      assert.equal(parseVariantFile(bad), null, bad);
    }
    assert.equal(variantUrl(3, 640, 'jpeg'), '/media/3/640.jpg');
  });
});
