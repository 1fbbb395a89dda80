import { Mp3Encoder } from '@breezystack/lamejs';

/**
 * MP3 encoding in pure JavaScript (lamejs, LGPL-3.0, used unmodified as a separate npm package), constant
 * bit rate so players can seek by byte offset and compute the duration from the file size.
 * Synchronous: call it from a worker thread.
 */
export function encodeMp3(samples: Int16Array, sampleRate: number, kbps: number): Uint8Array {
  const encoder = new Mp3Encoder(1, sampleRate, kbps);
  const parts: Uint8Array[] = [];
  // Whole MPEG frames at a time (1152 samples for MPEG-1, 576 for MPEG-2): any multiple works.
  const block = 1152 * 16;
  for (let at = 0; at < samples.length; at += block) {
    const part = encoder.encodeBuffer(samples.subarray(at, at + block));
    if (part.length) parts.push(part);
  }
  const tail = encoder.flush();
  if (tail.length) parts.push(tail);
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
