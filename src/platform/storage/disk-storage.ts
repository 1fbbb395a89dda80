import { randomUUID } from 'node:crypto';
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BlobStorage } from '../../modules/media/ports.ts';

/** Keys are our own: folders and file names of letters, digits, dots, dashes. Nothing can climb out. */
const keyPattern = /^[a-z0-9-]+(\/[a-z0-9-]+)*\/[a-z0-9-]+\.[a-z0-9]+$/;

export class DiskStorage implements BlobStorage {
  constructor(private readonly root: string) {}

  localPath(key: string): string {
    if (!keyPattern.test(key)) throw new Error(`invalid storage key: ${key}`);
    return path.join(this.root, key);
  }

  /** Writes to a temporary file and renames, so a killed process never leaves half a file. */
  async put(key: string, data: Buffer): Promise<void> {
    const target = this.localPath(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomUUID()}.tmp`;
    await writeFile(temporary, data);
    await rename(temporary, target);
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.localPath(key));
  }

  /** Idempotent: deleting a file that is not there succeeds. Folders are left in place. */
  async delete(key: string): Promise<void> {
    await rm(this.localPath(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      await access(this.localPath(key));
      return true;
    } catch {
      return false;
    }
  }
}
