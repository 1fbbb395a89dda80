// Shared pieces of the benchmarks: a Broadsheet server in a child process, load against any URL (wrk when
// installed, autocannon otherwise), the server's memory while it is under load, and percentiles.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import {
  accessSync,
  constants,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import autocannon from 'autocannon';

export interface LoadOptions {
  connections: number;
  seconds: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Failed connections, timeouts and error answers (wrk counts 4xx/5xx, autocannon any non-2xx). */
  errors: number;
  /** Bytes on the wire per response, in KB (compressed when the server compresses). */
  kbPerRequest: number;
}

/** Compressed responses accepted, as browsers send it. */
const acceptEncoding = 'br, gzip';

/**
 * Drives `connections` concurrent keep-alive connections at one URL for a fixed time. wrk (Debian's `wrk`)
 * is used when installed: autocannon saturates at about 11k requests/s on this 2-core machine, even
 * against nginx, so it cannot tell fast servers apart. The first call says which one runs.
 */
export async function load(url: string, options: LoadOptions): Promise<LoadResult> {
  const wrk = wrkPath();
  if (!announced) {
    announced = true;
    console.log(`Load generator: ${wrk ? `wrk (${wrk}, 1 thread)` : 'autocannon (wrk is not installed)'}`);
  }
  return wrk ? wrkLoad(wrk, url, options) : autocannonLoad(url, options);
}

let announced = false;

function wrkPath(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir || '.', 'wrk');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  return undefined;
}

/** wrk's `done` hook: exact counts and percentiles (microseconds) as one line of JSON. */
const wrkReport = `
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"durationUs":%d,"bytes":%d,"socketErrors":%d,"badStatus":%d,"p50Us":%d,"p99Us":%d}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(99)))
end
`;

interface WrkReport {
  requests: number;
  durationUs: number;
  bytes: number;
  socketErrors: number;
  /** Responses with a status of 400 or more. */
  badStatus: number;
  p50Us: number;
  p99Us: number;
}

async function wrkLoad(wrk: string, url: string, options: LoadOptions): Promise<LoadResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-wrk-'));
  const script = path.join(dir, 'report.lua');
  writeFileSync(script, wrkReport);
  try {
    // One thread leaves the other core to the server, as autocannon's single thread did.
    const { stdout } = await promisify(execFile)(wrk, [
      '--threads=1',
      `--connections=${options.connections}`,
      `--duration=${options.seconds}s`,
      '--timeout=10s',
      `--header=Accept-Encoding: ${acceptEncoding}`,
      `--script=${script}`,
      url,
    ]);
    const line = stdout.split('\n').find((l) => l.startsWith('{"requests"'));
    if (!line) throw new Error(`wrk printed no report:\n${stdout}`);
    const r = JSON.parse(line) as WrkReport;
    return {
      requestsPerSecond: Math.round(r.requests / (r.durationUs / 1e6)),
      p50: Math.round(r.p50Us / 10) / 100,
      p99: Math.round(r.p99Us / 10) / 100,
      errors: r.socketErrors + r.badStatus,
      kbPerRequest: r.requests ? Math.round(r.bytes / r.requests / 102.4) / 10 : 0,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function autocannonLoad(url: string, options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    headers: { 'accept-encoding': acceptEncoding },
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

/**
 * Resident memory in MB (Linux /proc) of a process and all its descendants (a cluster's primary and its
 * workers together), or undefined when it cannot be read.
 */
export function rssMb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  const kb = treeRssKb(pid);
  return kb === undefined ? undefined : Math.round(kb / 1024);
}

function treeRssKb(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    let kb = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? Number.NaN);
    if (!Number.isFinite(kb)) return undefined;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(' ') : []) kb += treeRssKb(Number(child)) ?? 0;
    }
    return kb;
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
  /** From spawning the process to the first page served. */
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
  const child: ChildProcess = spawn('sh', ['scripts/start.sh'], {
    env: {
      ...process.env,
      NODE: process.execPath,
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
