// Shared pieces of the benchmarks: a Broadsheet server in a child process, autocannon load against any
// URL, the server's memory while it is under load, and percentiles.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface LoadOptions {
  connections: number;
  seconds: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** Bytes on the wire per response, in KB (compressed when the server compresses). */
  kbPerRequest: number;
}

/** Drives `connections` concurrent keep-alive connections at one URL for a fixed time. */
export async function load(url: string, options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    headers: { 'accept-encoding': 'br, gzip' },
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    kbPerRequest: result.requests.total
      ? Math.round(result.throughput.total / result.requests.total / 102.4) / 10
      : 0,
  };
}

/** Resident memory of a process in MB (Linux /proc), or undefined when it cannot be read. */
export function rssMb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
    return kb ? Math.round(Number(kb) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `work` while sampling a process's RSS every 200 ms; returns the work's result and the peak. */
export async function withPeakRss<T>(
  pid: number | undefined,
  work: () => Promise<T>,
): Promise<{ result: T; peakMb: number | undefined }> {
  let peak: number | undefined;
  const sample = () => {
    const now = rssMb(pid);
    if (now !== undefined) peak = Math.max(peak ?? 0, now);
  };
  const timer = setInterval(sample, 200);
  try {
    const result = await work();
    sample();
    return { result, peakMb: peak };
  } finally {
    clearInterval(timer);
  }
}

export interface RunningServer {
  base: string;
  pid: number | undefined;
  /** From spawning the process to the first page served (includes tsx compiling the sources). */
  startupMs: number;
  stop(): Promise<void>;
}

/**
 * Starts `npm start`'s entry point in a child process with these environment overrides and waits for the
 * home page to be served. Logs go to the parent's stderr only at warn level and above.
 */
export function startServer(port: number, env: Record<string, string>): Promise<RunningServer> {
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      // Pages are measured without article audio being recorded in the background (see --audio).
      TTS_BACKFILL: 'never',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the server exited with ${code}`));
    child.once('exit', onExit);
    let ready = false;
    child.stdout?.on('data', async (chunk: Buffer) => {
      if (ready || !chunk.toString().includes('Broadsheet is serving')) return;
      ready = true;
      try {
        const first = await fetch(`${base}/`);
        await first.arrayBuffer();
        if (!first.ok) throw new Error(`the home page answered ${first.status}`);
        child.off('exit', onExit);
        resolve({ base, pid: child.pid, startupMs: performance.now() - started, stop });
      } catch (error) {
        await stop();
        reject(error);
      }
    });
  });
}

/** The p-th percentile (nearest rank) of ascending-sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export const round1 = (n: number) => Math.round(n * 10) / 10;
export const round2 = (n: number) => Math.round(n * 100) / 100;
