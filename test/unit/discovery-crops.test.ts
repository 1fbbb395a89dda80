import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crop, cropBox, cropSize, parseCropFile } from '../../src/modules/media/index.ts';

const photo = { id: 7, width: 1600, height: 900, focalX: 0.5, focalY: 0.5 };

describe('focal-point crops', () => {
  it('makes 16:9, 4:3, 1:1 and 1200×630 crops at 1200 px wide where the original allows', () => {
    assert.deepEqual(cropSize(photo, '16x9'), { width: 1200, height: 675 });
    assert.deepEqual(cropSize(photo, '4x3'), { width: 1200, height: 900 });
    assert.deepEqual(cropSize(photo, '1x1'), { width: 900, height: 900 }, 'never enlarged');
    assert.deepEqual(cropSize(photo, 'share'), { width: 1200, height: 630 });
    assert.equal(crop(photo, '4x3').url, '/media/7/crop-4x3-1200.jpg');
  });

  it('centres the crop on the focal point and keeps it inside the picture', () => {
    assert.deepEqual(cropBox(photo, '1x1'), { left: 350, top: 0, width: 900, height: 900 });
    assert.deepEqual(cropBox({ ...photo, focalX: 0.9 }, '1x1'), {
      left: 700,
      top: 0,
      width: 900,
      height: 900,
    });
    assert.deepEqual(cropBox({ ...photo, focalX: 0 }, '1x1'), { left: 0, top: 0, width: 900, height: 900 });
    const tall = { id: 1, width: 1000, height: 2000, focalX: 0.5, focalY: 0.2 };
    assert.deepEqual(cropBox(tall, '16x9'), { left: 0, top: 119, width: 1000, height: 563 });
    for (const kind of ['16x9', '4x3', '1x1', 'share'] as const) {
      for (const focal of [0, 0.3, 1, Number.NaN]) {
        const box = cropBox({ ...tall, focalX: focal, focalY: focal }, kind);
        assert.ok(box.left >= 0 && box.top >= 0, `${kind} ${focal}`);
        assert.ok(
          box.left + box.width <= tall.width && box.top + box.height <= tall.height,
          `${kind} ${focal}`,
        );
      }
    }
  });

  it('parses only crop names that could exist', () => {
    assert.deepEqual(parseCropFile('crop-16x9-1200.jpg'), { kind: '16x9', width: 1200 });
    assert.deepEqual(parseCropFile('crop-share-640.jpg'), { kind: 'share', width: 640 });
    for (const bad of [
      'crop-16x9-1201.jpg',
      'crop-3x2-1200.jpg',
      'crop-16x9-1200.png',
      'crop-../1.jpg',
      'crop-1x1-0.jpg',
    ]) {
      assert.equal(parseCropFile(bad), null, bad);
    }
  });
});
