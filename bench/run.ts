// `npm run bench`: starts Broadsheet on PGlite with the demo content as a separate process, then drives
// concurrent load at the article page, the home page and the latest listing, printing requests/s and
// latency. Options: --seconds N (default 10 per page), --connections N (default 64).
// `npm run bench -- --audio` measures text-to-speech instead (bench/audio.ts): synthesis speed and the time
// from publishing a 700-word article to its audio being ready.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { demoArticles } from '../src/demo/content/index.ts';
import { audioBench } from './audio.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
    port: { type: 'string', default: '3999' },
    audio: { type: 'boolean', default: false },
  },
});
if (values.audio) {
  await audioBench();
  process.exit(0);
}
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;
const dataDir = path.resolve('data', 'bench');

function startServer(): Promise<{ child: ChildProcess; startupMs: number }> {
  mkdirSync(dataDir, { recursive: true });
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      // Pages are measured without article audio being recorded in the background (see --audio).
      TTS_BACKFILL: 'never',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout?.on('data', async (chunk: Buffer) => {
      if (!chunk.toString().includes('Broadsheet is serving')) return;
      await fetch(`${base}/`);
      resolve({ child, startupMs: performance.now() - started });
    });
  });
}

async function load(url: string) {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { 'accept-encoding': 'br, gzip' },
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    kbPerRequest: result.requests.total
      ? Math.round(result.throughput.total / result.requests.total / 102.4) / 10
      : 0,
  };
}

const lead = demoArticles.find((a) => a.homePosition === 0);
if (!lead) throw new Error('no lead story in the demo content');
const pages = { article: `/${lead.section}/${lead.slug}`, home: '/', latest: '/latest' };

const { child, startupMs } = await startServer();
try {
  console.log(
    `Start-up to first served page: ${(startupMs / 1000).toFixed(2)} s (includes tsx compile; first start also seeds)`,
  );
  console.log(
    `Load: ${connections} connections, ${seconds} s per page, compressed responses, load generator on the same 2 cores\n`,
  );
  const rows = [];
  for (const [name, url] of Object.entries(pages)) {
    const raw = await fetch(`${base}${url}`);
    const html = await raw.text();
    const r = await load(`${base}${url}`);
    rows.push({
      page: name,
      'req/s': r.requestsPerSecond,
      'p50 ms': r.p50,
      'p99 ms': r.p99,
      errors: r.errors,
      'HTML KB': Math.round(html.length / 102.4) / 10,
      'KB sent': r.kbPerRequest,
    });
  }
  console.table(rows);
} finally {
  child.kill('SIGTERM');
}
