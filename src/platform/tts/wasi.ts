/**
 * A minimal WASI (preview 1) host, in memory, for running a command-line WebAssembly program such as
 * Flite: arguments in, files it creates and its stdout/stderr out, nothing on disk.
 *
 * Why not `node:wasi`? On Node 20 it caches the module's memory when the program starts and keeps using
 * it after `memory.grow` moves it, so a program that allocates (Flite does, per sentence) crashes the
 * whole process with SIGSEGV or "Invalid bytecode" after a few runs. This host looks the memory up on
 * every call. It implements exactly what such programs import: arguments, clock, and creating, writing,
 * seeking and closing files in one preopened directory. Everything else answers ENOSYS or EBADF.
 */

const errno = { success: 0, badf: 8, inval: 28, noent: 44, nosys: 52, spipe: 70, notdir: 54 } as const;
const preopenFd = 3;
const oflagCreate = 1;

class ProcessExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

interface MemoryFile {
  data: Uint8Array;
  size: number;
  position: number;
}

export interface WasiRun {
  exitCode: number;
  /** Files the program created, by the name it gave them. */
  files: Map<string, Uint8Array>;
  stdout: string;
  stderr: string;
}

export function runWasiCommand(module: WebAssembly.Module, args: readonly string[]): WasiRun {
  let memory: WebAssembly.Memory | undefined;
  const mem = () => {
    if (!memory) throw new Error('the program has no memory');
    return memory.buffer;
  };
  const view = () => new DataView(mem());
  const bytes = () => new Uint8Array(mem());
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const argBytes = args.map((arg) => encoder.encode(`${arg}\0`));
  const open = new Map<number, MemoryFile>();
  const created = new Map<string, MemoryFile>();
  const stdout: Uint8Array[] = [];
  const stderr: Uint8Array[] = [];
  let nextFd = preopenFd + 1;

  const iovecs = (pointer: number, count: number): [number, number][] => {
    const v = view();
    const list: [number, number][] = [];
    for (let i = 0; i < count; i++) {
      list.push([v.getUint32(pointer + i * 8, true), v.getUint32(pointer + i * 8 + 4, true)]);
    }
    return list;
  };

  const imports = {
    args_sizes_get(countPointer: number, sizePointer: number): number {
      const v = view();
      v.setUint32(countPointer, argBytes.length, true);
      v.setUint32(
        sizePointer,
        argBytes.reduce((sum, arg) => sum + arg.length, 0),
        true,
      );
      return errno.success;
    },
    args_get(argvPointer: number, bufferPointer: number): number {
      const v = view();
      const m = bytes();
      let at = bufferPointer;
      argBytes.forEach((arg, i) => {
        v.setUint32(argvPointer + i * 4, at, true);
        m.set(arg, at);
        at += arg.length;
      });
      return errno.success;
    },
    environ_sizes_get(countPointer: number, sizePointer: number): number {
      const v = view();
      v.setUint32(countPointer, 0, true);
      v.setUint32(sizePointer, 0, true);
      return errno.success;
    },
    environ_get(): number {
      return errno.success;
    },
    clock_time_get(_id: number, _precision: bigint, timePointer: number): number {
      view().setBigUint64(timePointer, process.hrtime.bigint(), true);
      return errno.success;
    },
    fd_close(fd: number): number {
      return open.delete(fd) ? errno.success : errno.badf;
    },
    fd_fdstat_get(fd: number, pointer: number): number {
      if (fd > preopenFd && !open.has(fd)) return errno.badf;
      const v = view();
      // filetype: 2 character device (stdio), 3 directory (the preopen), 4 regular file
      v.setUint8(pointer, fd < preopenFd ? 2 : fd === preopenFd ? 3 : 4);
      v.setUint16(pointer + 2, 0, true);
      v.setBigUint64(pointer + 8, 0xffff_ffffn, true);
      v.setBigUint64(pointer + 16, 0xffff_ffffn, true);
      return errno.success;
    },
    fd_fdstat_set_flags(): number {
      return errno.success;
    },
    fd_prestat_get(fd: number, pointer: number): number {
      if (fd !== preopenFd) return errno.badf;
      const v = view();
      v.setUint8(pointer, 0);
      v.setUint32(pointer + 4, 1, true);
      return errno.success;
    },
    fd_prestat_dir_name(fd: number, pointer: number, length: number): number {
      if (fd !== preopenFd) return errno.badf;
      bytes().set(encoder.encode('.').subarray(0, length), pointer);
      return errno.success;
    },
    fd_read(fd: number, _iovs: number, _count: number, readPointer: number): number {
      view().setUint32(readPointer, 0, true);
      return fd === 0 ? errno.success : errno.badf;
    },
    fd_seek(fd: number, offset: bigint, whence: number, resultPointer: number): number {
      const file = open.get(fd);
      if (!file) return fd < preopenFd ? errno.spipe : errno.badf;
      const base = whence === 0 ? 0 : whence === 1 ? file.position : file.size;
      const position = base + Number(offset);
      if (position < 0) return errno.inval;
      file.position = position;
      view().setBigUint64(resultPointer, BigInt(position), true);
      return errno.success;
    },
    fd_write(fd: number, iovs: number, count: number, writtenPointer: number): number {
      const file = open.get(fd);
      if (!file && fd !== 1 && fd !== 2) return errno.badf;
      let total = 0;
      const m = bytes();
      for (const [pointer, length] of iovecs(iovs, count)) {
        const chunk = m.slice(pointer, pointer + length);
        total += length;
        if (fd === 1) stdout.push(chunk);
        else if (fd === 2) stderr.push(chunk);
        else if (file) {
          const end = file.position + length;
          if (end > file.data.length) {
            const grown = new Uint8Array(Math.max(end, file.data.length * 2));
            grown.set(file.data.subarray(0, file.size));
            file.data = grown;
          }
          file.data.set(chunk, file.position);
          file.position = end;
          file.size = Math.max(file.size, end);
        }
      }
      view().setUint32(writtenPointer, total, true);
      return errno.success;
    },
    path_open(
      dirFd: number,
      _dirFlags: number,
      pathPointer: number,
      pathLength: number,
      openFlags: number,
      _rightsBase: bigint,
      _rightsInheriting: bigint,
      _fdFlags: number,
      fdPointer: number,
    ): number {
      if (dirFd !== preopenFd) return errno.badf;
      const name = decoder.decode(bytes().slice(pathPointer, pathPointer + pathLength));
      // Programs may only create files here; nothing outside the process can be read.
      if (!(openFlags & oflagCreate)) return errno.noent;
      if (name.includes('/')) return errno.notdir;
      const file: MemoryFile = { data: new Uint8Array(256 * 1024), size: 0, position: 0 };
      const fd = nextFd++;
      open.set(fd, file);
      created.set(name, file);
      view().setUint32(fdPointer, fd, true);
      return errno.success;
    },
    proc_exit(code: number): never {
      throw new ProcessExit(code);
    },
  };

  const wanted = WebAssembly.Module.imports(module).filter((i) => i.kind === 'function');
  const provided: Record<string, (...args: never[]) => number> = {};
  for (const { name } of wanted) {
    provided[name] = (imports as Record<string, (...args: never[]) => number>)[name] ?? (() => errno.nosys);
  }
  const instance = new WebAssembly.Instance(module, { wasi_snapshot_preview1: provided });
  const exported = instance.exports as { memory?: WebAssembly.Memory; _start?: () => void };
  if (!exported.memory || !exported._start) throw new Error('not a WASI command module');
  memory = exported.memory;
  let exitCode = 0;
  try {
    exported._start();
  } catch (error) {
    if (!(error instanceof ProcessExit)) throw error;
    exitCode = error.code;
  }
  const join = (chunks: Uint8Array[]) => decoder.decode(Buffer.concat(chunks));
  return {
    exitCode,
    files: new Map([...created].map(([name, file]) => [name, file.data.slice(0, file.size)])),
    stdout: join(stdout),
    stderr: join(stderr),
  };
}
