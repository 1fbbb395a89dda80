// Live updates under load: one Broadsheet process (a child, PGlite in memory unless DATABASE_URL is set)
// holds 1,000 then 10,000 open Server-Sent Events connections from this process; events are published
// through the server's realtime service (stored, announced on the bus, fanned out by the SSE hub) and each
// connection notes when it received them. Prints delivery latency (publish → receipt, over every receipt)
// p50/p99/max for each connection count, and memory per connection (server RSS growth / connections).
//
//   node --import tsx bench/live.ts [--counts 1000,10000] [--events 20] [--interval-ms 250]
//   (or `npm run bench -- --live [options]`, which runs this file in its own process)
//
// Bounded: at most 5 minutes in all; connections are opened 500 at a time. Needs about 10,100 file
// descriptors in each process: it re-runs itself under `ulimit -n <hard limit>` when the soft one is lower.
import { execFileSync, fork, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

interface ServerInfo {
  port: number;
  database: string;
}
interface ServerStats {
  rss: number;
  heapUsed: number;
  connections: number;
  dropped: number;
  /** Publish → the hub has written the event to every connection, per event, in ms. */
  fanOutMs: number[];
}
type ToServer = { cmd: 'publish'; seq: number; sentAt: number } | { cmd: 'stats' } | { cmd: 'stop' };
type FromServer =
  | ({ kind: 'ready' } & ServerInfo)
  | ({ kind: 'stats' } & ServerStats)
  | { kind: 'published'; seq: number };

export interface LiveBenchOptions {
  counts: number[];
  events: number;
  intervalMs: number;
}

export interface LiveBenchResult {
  database: string;
  connections: number;
  events: number;
  receipts: number;
  expected: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Publish → written to every socket by the server (median over the events): the server's share. */
  serverFanOutP50Ms: number;
  serverRssMb: number;
  bytesPerConnection: number;
  dropped: number;
}

const topic = 'liveblog:1';
/** Wall-clock milliseconds with sub-millisecond precision, comparable between the two processes. */
const now = () => performance.timeOrigin + performance.now();
const deadlineMs = 5 * 60_000;

// ── the server process ────────────────────────────────────────────────────────────────────────────
async function serve(): Promise<void> {
  const { buildServer } = await import('../src/app/build-server.ts');
  const { wire } = await import('../src/app/wire.ts');
  const { loadConfig } = await import('../src/config/config.ts');
  const { openDatabase } = await import('../src/db/client.ts');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'broadsheet-live-bench-'));
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SITE_URL: 'http://localhost:3000',
  });
  const database = await openDatabase({ url: config.databaseUrl });
  const app = await wire(config, { database, logLink: () => {} });
  const server = await buildServer(app, { logLevel: 'warn' });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const send = (message: FromServer) => process.send?.(message);
  // Registered after the hub's own listener, so it runs once the hub has written the event everywhere.
  const fanOutMs: number[] = [];
  app.realtime.onEvent((event) => {
    const sentAt = (event.data as { sentAt?: number }).sentAt;
    if (typeof sentAt === 'number') fanOutMs.push(now() - sentAt);
  });
  // An entry-sized payload: rendered live-blog entries are about this big.
  const body = `<p>${'Reporters on the ground say the vote is expected within the hour. '.repeat(20)}</p>`;
  process.on('message', async (message: ToServer) => {
    if (message.cmd === 'publish') {
      await app.realtime.publish(topic, 'entry', { seq: message.seq, sentAt: message.sentAt, html: body });
      send({ kind: 'published', seq: message.seq });
    } else if (message.cmd === 'stats') {
      // Settle the heap so RSS reflects what the connections hold, not garbage waiting to be collected.
      for (let i = 0; i < 3; i++) (globalThis as { gc?: () => void }).gc?.();
      const memory = process.memoryUsage();
      const hub = server.liveHub.stats();
      send({
        kind: 'stats',
        rss: memory.rss,
        heapUsed: memory.heapUsed,
        ...hub,
        fanOutMs: fanOutMs.splice(0),
      });
    } else if (message.cmd === 'stop') {
      await server.close();
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    }
  });
  send({ kind: 'ready', port: address.port, database: app.database.kind });
}

// ── the client side (this process) ────────────────────────────────────────────────────────────────
class Server {
  private readonly waiting: ((message: FromServer) => boolean)[] = [];
  readonly child;

  constructor() {
    this.child = fork(fileURLToPath(import.meta.url), ['--serve'], {
      execArgv: ['--import', 'tsx', '--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (message: FromServer) => {
      const index = this.waiting.findIndex((accept) => accept(message));
      if (index >= 0) this.waiting.splice(index, 1);
    });
  }

  next<K extends FromServer['kind']>(kind: K): Promise<Extract<FromServer, { kind: K }>> {
    return new Promise((resolve) => {
      this.waiting.push((message) => {
        if (message.kind !== kind) return false;
        resolve(message as Extract<FromServer, { kind: K }>);
        return true;
      });
    });
  }

  async stats(): Promise<ServerStats> {
    const answer = this.next('stats');
    this.child.send({ cmd: 'stats' } satisfies ToServer);
    return answer;
  }

  send(message: ToServer): void {
    this.child.send(message);
  }
}

/** Receipt times by event: latencies[seq] collects one figure per connection that got it. */
class Receipts {
  readonly latencies = new Map<number, number[]>();

  /** Complete SSE messages (jsonb keeps its own key order, so the data is parsed, not pattern-matched). */
  take(text: string): void {
    const at = now();
    for (const line of text.split('\n')) {
      if (!line.startsWith('data: ')) continue;
      const { data } = JSON.parse(line.slice(6)) as { data: { seq: number; sentAt: number } };
      let list = this.latencies.get(data.seq);
      if (!list) {
        list = [];
        this.latencies.set(data.seq, list);
      }
      list.push(at - data.sentAt);
    }
  }

  count(seq: number): number {
    return this.latencies.get(seq)?.length ?? 0;
  }
}

function openConnections(
  port: number,
  count: number,
  agent: http.Agent,
  receipts: Receipts,
): Promise<http.ClientRequest[]> {
  return new Promise((resolve, reject) => {
    const requests: http.ClientRequest[] = [];
    let opened = 0;
    let started = 0;
    const startOne = () => {
      started++;
      const request = http.get(
        {
          host: '127.0.0.1',
          port,
          path: `/live/events?topics=${topic}`,
          agent,
          headers: { accept: 'text/event-stream' },
        },
        (response) => {
          if (response.statusCode !== 200) {
            reject(new Error(`stream answered ${response.statusCode}`));
            return;
          }
          response.setEncoding('utf8');
          // A message can straddle two chunks: keep the unfinished tail.
          let tail = '';
          response.on('data', (chunk: string) => {
            const text = tail + chunk;
            const end = text.lastIndexOf('\n\n');
            if (end < 0) {
              tail = text;
              return;
            }
            receipts.take(text.slice(0, end));
            tail = text.slice(end + 2);
          });
          opened++;
          if (opened === count) resolve(requests);
          else if (started < count) startOne();
        },
      );
      request.on('error', reject);
      requests.push(request);
    };
    // 500 handshakes in flight at a time: well inside the server's listen backlog.
    for (let i = 0; i < Math.min(500, count); i++) startOne();
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (n: number) => Math.round(n * 100) / 100;

async function until(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

export async function liveBench(options: LiveBenchOptions): Promise<LiveBenchResult[]> {
  const server = new Server();
  const failed = new Promise<never>((_, reject) =>
    server.child.on('exit', (code) => reject(new Error(`the server process exited (${code})`))),
  );
  failed.catch(() => {});
  const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  const requests: http.ClientRequest[] = [];
  const results: LiveBenchResult[] = [];
  try {
    const ready = await Promise.race([server.next('ready'), failed]);
    const baseline = await server.stats();
    const receipts = new Receipts();
    let seq = 0;
    for (const count of [...options.counts].sort((a, b) => a - b)) {
      requests.push(...(await openConnections(ready.port, count - requests.length, agent, receipts)));
      await until(async () => (await server.stats()).connections >= count, 60_000, `${count} connections`);
      const loaded = await server.stats();
      const firstSeq = seq + 1;
      for (let i = 0; i < options.events; i++) {
        seq++;
        const published = server.next('published');
        server.send({ cmd: 'publish', seq, sentAt: now() });
        await Promise.race([published, failed]);
        await sleep(options.intervalMs);
      }
      const expected = options.events * count;
      const received = () => {
        let total = 0;
        for (let s = firstSeq; s <= seq; s++) total += receipts.count(s);
        return total;
      };
      await until(() => received() >= expected, 60_000, `${expected} receipts`).catch(() => undefined);
      const latencies: number[] = [];
      for (let s = firstSeq; s <= seq; s++) latencies.push(...(receipts.latencies.get(s) ?? []));
      latencies.sort((a, b) => a - b);
      const after = await server.stats();
      const fanOut = [...after.fanOutMs].sort((a, b) => a - b);
      results.push({
        database: ready.database,
        connections: count,
        events: options.events,
        receipts: latencies.length,
        expected,
        p50Ms: round(percentile(latencies, 50)),
        p99Ms: round(percentile(latencies, 99)),
        maxMs: round(latencies[latencies.length - 1] ?? Number.NaN),
        serverFanOutP50Ms: round(percentile(fanOut, 50)),
        serverRssMb: round(loaded.rss / 1048576),
        bytesPerConnection: Math.round((loaded.rss - baseline.rss) / count),
        dropped: after.dropped,
      });
    }
    return results;
  } finally {
    for (const request of requests) request.destroy();
    agent.destroy();
    server.send({ cmd: 'stop' });
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    const timer = setTimeout(() => server.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

function softFileLimit(): { soft: number; hard: number } {
  const read = (flag: string) =>
    execFileSync('sh', ['-c', `ulimit ${flag}`])
      .toString()
      .trim();
  const asNumber = (value: string) => (value === 'unlimited' ? Number.POSITIVE_INFINITY : Number(value));
  return { soft: asNumber(read('-Sn')), hard: asNumber(read('-Hn')) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      counts: { type: 'string', default: '1000,10000' },
      events: { type: 'string', default: '20' },
      'interval-ms': { type: 'string', default: '250' },
      raised: { type: 'boolean', default: false },
    },
  });
  const counts = (values.counts ?? '').split(',').map(Number);
  if (counts.some((n) => !Number.isSafeInteger(n) || n < 1 || n > 15_000)) {
    console.error('--counts takes connection counts from 1 to 15,000, e.g. 1000,10000.');
    process.exit(2);
  }
  const events = Number(values.events);
  const intervalMs = Number(values['interval-ms']);
  if (
    !Number.isSafeInteger(events) ||
    events < 1 ||
    events > 200 ||
    !(intervalMs >= 0 && intervalMs <= 5000)
  ) {
    console.error('--events is 1–200 and --interval-ms 0–5000.');
    process.exit(2);
  }
  const needed = Math.max(...counts) + 200;
  const limit = softFileLimit();
  if (limit.soft < needed && !values.raised) {
    if (limit.hard < needed) {
      console.error(`Needs ${needed} open files per process; the hard limit is ${limit.hard}.`);
      process.exit(1);
    }
    // Node cannot raise its own limit: run again under a shell that does.
    const args = [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2), '--raised'];
    const quoted = [process.execPath, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const rerun = spawnSync('sh', ['-c', `ulimit -n ${limit.hard} && exec ${quoted}`], { stdio: 'inherit' });
    process.exit(rerun.status ?? 1);
  }
  const watchdog = setTimeout(() => {
    console.error('live bench: over the 5-minute bound, stopping');
    process.exit(1);
  }, deadlineMs);
  watchdog.unref();
  console.log(
    `live bench: ${counts.join(' then ')} SSE connections, ${events} events each, ${intervalMs} ms apart`,
  );
  const results = await liveBench({ counts, events, intervalMs });
  console.table(
    results.map((r) => ({
      database: r.database,
      connections: r.connections,
      'receipts / expected': `${r.receipts} / ${r.expected}`,
      'p50 ms': r.p50Ms,
      'p99 ms': r.p99Ms,
      'max ms': r.maxMs,
      'server fan-out p50 ms': r.serverFanOutP50Ms,
      'server RSS MB': r.serverRssMb,
      'KB per connection': round(r.bytesPerConnection / 1024),
      dropped: r.dropped,
    })),
  );
  console.log(JSON.stringify({ live: results }));
}

if (process.argv.includes('--serve')) {
  serve().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
