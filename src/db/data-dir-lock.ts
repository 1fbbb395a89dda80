import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Folders this process has open, so its own lock file is told apart from one left by an earlier process. */
const openHere = new Set<string>();

/**
 * Lets one process at a time open a PGlite folder. PGlite does not take PostgreSQL's own lock
 * (postmaster.pid), and two processes on one folder each keep their own transaction counter and
 * buffers: a second `npm start`, or a restart while the old process is still stopping, served pages
 * and wrote beside the first one, and the database showed rows one process never committed. A lock file
 * beside the folder names the holder's process id; one left by a process that has ended is taken over.
 * Returns the release.
 */
export function lockDataDir(dir: string): () => void {
  const key = path.resolve(dir);
  // Beside the folder, not in it: a dump of the folder must not carry the lock.
  const file = `${key}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      openHere.add(key);
      return () => release(file, key);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readHolder(file), 10);
      const ourOwn = holder === process.pid && openHere.has(key);
      if (ourOwn || (holder !== process.pid && isRunning(holder))) {
        throw new Error(
          `The database folder ${dir} is in use by process ${holder}${ourOwn ? ' (this one)' : ''}. ` +
            `Stop it first; if no Broadsheet is running, delete ${file}.`,
        );
      }
      unlinkSync(file);
    }
  }
  throw new Error(`Could not lock the database folder ${dir}: another process keeps taking ${file}.`);
}

function release(file: string, key: string): void {
  openHere.delete(key);
  try {
    if (readHolder(file) === String(process.pid)) unlinkSync(file);
  } catch {
    // Already gone: nothing to release.
  }
}

function readHolder(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
