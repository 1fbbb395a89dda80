import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Encoding } from './encoding.ts';

/**
 * How hard to compress: `response` for a body sent once (a page rendered for one request), `stored` for a
 * body kept and sent many times (the page cache). Measured on the demo's lead article (30 KB of HTML):
 * - response: brotli 1 makes 8.4 KB in 0.11 ms, against brotli 3's 7.4 KB in 0.20 ms; gzip 1 makes 8.0 KB
 *   in 0.09 ms, against gzip 6's 7.3 KB in 0.17 ms. On the uncached article under load brotli 1 served
 *   about 8% more requests/s than brotli 3 (six paired runs): for a body sent once, CPU costs more than
 *   a kilobyte on the wire.
 * - stored: brotli 6 is within a few percent of 11 (6.6 KB) at a fraction of the CPU.
 * The 256 KB window holds any page; brotli's default 4 MB one only costs memory per compression.
 */
export type Effort = 'response' | 'stored';

const levels: Record<Effort, { brotli: number; gzip: number }> = {
  response: { brotli: 1, gzip: 1 },
  stored: { brotli: 6, gzip: 6 },
};

/**
 * One body, compressed in one synchronous call on this thread. Measured on a 30 KB article with 16
 * compressions in flight, synchronous brotli 3 cost 0.18 ms of CPU each; zlib's asynchronous calls and
 * streams (which @fastify/compress used) cost 0.55 to 2 ms, most of it thread hand-offs and compressor
 * memory faulted in afresh each time (npm start's MALLOC_TOP_PAD_ keeps it: 0.47 ms without).
 */
export function compressBody(body: Buffer, encoding: Exclude<Encoding, 'identity'>, effort: Effort): Buffer {
  if (encoding === 'gzip') return gzipSync(body, { level: levels[effort].gzip });
  return brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: levels[effort].brotli,
      [constants.BROTLI_PARAM_LGWIN]: 18,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}
