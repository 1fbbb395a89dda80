import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Encoding } from './encoding.ts';

/**
 * How hard to compress: `response` for a body sent once (a page rendered for one request), `stored` for a
 * body kept and sent many times (the page cache).
 * - response: brotli 3 is as small as gzip 6 on news HTML (an article's 30 KB become 7.4 KB) for a fifth
 *   of brotli 6's CPU.
 * - stored: brotli 6 is within a few percent of 11 (6.6 KB) at a fraction of the CPU.
 * The 256 KB window holds any page; brotli's default 4 MB one only costs memory per compression.
 */
export type Effort = 'response' | 'stored';

const brotliQuality: Record<Effort, number> = { response: 3, stored: 6 };
/** gzip serves the few clients without brotli; level 6 either way. */
const gzipLevel = 6;

/**
 * One body, compressed in one synchronous call on this thread. Measured on a 30 KB article with 16
 * compressions in flight, synchronous brotli 3 cost 0.18 ms of CPU each; zlib's asynchronous calls and
 * streams (which @fastify/compress used) cost 0.55 to 2 ms, most of it thread hand-offs and compressor
 * memory faulted in afresh each time (npm start's MALLOC_TOP_PAD_ keeps it: 0.47 ms without).
 */
export function compressBody(body: Buffer, encoding: Exclude<Encoding, 'identity'>, effort: Effort): Buffer {
  if (encoding === 'gzip') return gzipSync(body, { level: gzipLevel });
  return brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: brotliQuality[effort],
      [constants.BROTLI_PARAM_LGWIN]: 18,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}
