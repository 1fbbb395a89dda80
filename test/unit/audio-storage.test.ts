import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { DiskStorage } from '../../src/platform/storage/disk-storage.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-storage-'));
after(() => rmSync(root, { recursive: true, force: true }));

describe('deleting recordings from disk storage', () => {
  it('deletes a file, and deleting it again is not an error', async () => {
    const storage = new DiskStorage(path.join(root, 'media'));
    await storage.put('audio/7/0123456789abcdef.mp3', Buffer.from('old recording'));
    await storage.put('audio/7/fedcba9876543210.mp3', Buffer.from('new recording'));
    await storage.delete('audio/7/0123456789abcdef.mp3');
    assert.equal(await storage.exists('audio/7/0123456789abcdef.mp3'), false);
    assert.equal(await storage.exists('audio/7/fedcba9876543210.mp3'), true, 'only that file');
    await storage.delete('audio/7/0123456789abcdef.mp3');
    await storage.delete('audio/8/never-there.mp3');
  });

  it('never deletes outside its folder, whatever the key', async () => {
    const storage = new DiskStorage(path.join(root, 'media'));
    const outside = path.join(root, 'precious.mp3');
    writeFileSync(outside, 'keep me');
    for (const key of ['../precious.mp3', 'audio/../../precious.mp3', '/etc/passwd', 'audio/7', '']) {
      await assert.rejects(storage.delete(key), /invalid storage key/, key);
    }
    assert.ok(existsSync(outside));
  });
});
