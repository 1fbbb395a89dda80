import http from 'node:http';
import https from 'node:https';

/**
 * What the cloud engines (Amazon Polly, Google Cloud Text-to-Speech) share: one HTTPS request per
 * sentence, a few at a time, a couple of quick retries when the service is busy, and errors that say
 * which service refused what. Anything still failing fails the job, which the queue retries with backoff.
 */

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** No speech answer for one sentence comes near this; a bigger one is a misbehaving server. */
const maxAnswerBytes = 32 * 1024 * 1024;

/** POSTs a body and reads the whole answer. Rejects only for network failures and timeouts, never for a status. */
export function post(
  url: URL,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<HttpAnswer> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(url, { method: 'POST', headers, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxAnswerBytes) {
          request.destroy(new Error(`the answer from ${url.host} is larger than ${maxAnswerBytes} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`no answer from ${url.host} in ${timeoutMs} ms`)));
    request.on('error', (error) => reject(new Error(`could not reach ${url.host}: ${error.message}`)));
    request.end(body);
  });
}

/** A refusal from a speech service; `retryable` when waiting a moment may help (busy, throttled, 5xx). */
export class SpeechServiceError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'SpeechServiceError';
  }
}

/**
 * Runs `attempt`, trying again after each delay while it fails with a retryable error (or a network
 * failure). Short on purpose: longer waits are the job queue's backoff, which redoes the whole article.
 */
export async function withRetries<T>(attempt: () => Promise<T>, delaysMs: readonly number[]): Promise<T> {
  for (let tried = 0; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      const retryable = !(error instanceof SpeechServiceError) || error.retryable;
      const delay = delaysMs[tried];
      if (!retryable || delay === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** Speaks each text (at most `parallel` at a time), keeping the order; empty texts give empty clips. */
export async function speakEach(
  texts: readonly string[],
  parallel: number,
  speak: (text: string) => Promise<Int16Array>,
): Promise<Int16Array[]> {
  const clips: Int16Array[] = new Array(texts.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < texts.length && !failed) {
      const index = next++;
      const text = (texts[index] ?? '').trim();
      try {
        clips[index] = text ? await speak(text) : new Int16Array(0);
      } catch (error) {
        // One failed sentence fails the recording: stop sending the rest (cloud engines are paid per use).
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, texts.length)) }, worker));
  return clips;
}

export interface CloudSpeechOptions {
  /** Sentences in flight at once (default 3). */
  parallel?: number;
  /** Waits before the quick retries of a throttled or failed request (default 0.5 s, 2 s). */
  retryDelaysMs?: readonly number[];
}

/**
 * Speaks each sentence through a cloud API: one request per piece of at most `maxChars`, a few sentences
 * at a time, each request retried briefly; the pieces of a sentence are joined into its clip.
 */
export function speakThroughApi(
  texts: readonly string[],
  maxChars: number,
  options: CloudSpeechOptions,
  request: (piece: string) => Promise<Int16Array>,
): Promise<Int16Array[]> {
  return speakEach(texts, options.parallel ?? 3, async (text) => {
    const parts: Int16Array[] = [];
    for (const piece of pieces(text, maxChars)) {
      parts.push(await withRetries(() => request(piece), options.retryDelaysMs ?? [500, 2000]));
    }
    return concatPcm(parts);
  });
}

/**
 * Cuts a text the service would refuse as too long into pieces of at most `maxChars`, at a sentence
 * or clause boundary if there is one, else between words.
 */
export function pieces(text: string, maxChars: number): string[] {
  const out: string[] = [];
  let rest = text.trim();
  while (rest.length > maxChars) {
    const window = rest.slice(0, maxChars + 1);
    const cut =
      [/[.!?;:]\s/g, /,\s/g, /\s/g]
        .map((pattern) => Math.max(...[...window.matchAll(pattern)].map((m) => m.index + 1), 0))
        .find((at) => at > maxChars / 3) ?? maxChars;
    out.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) out.push(rest);
  return out;
}

/** 16-bit little-endian PCM bytes as samples (copied: the buffer may start at an odd offset). */
export function pcm16(bytes: Uint8Array): Int16Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const samples = new Int16Array(bytes.byteLength >> 1);
  for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(i * 2, true);
  return samples;
}

export function concatPcm(parts: readonly Int16Array[]): Int16Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The first part of an error answer worth showing: the service's own message, else the raw text. */
export function answerText(body: Buffer, limit = 300): string {
  return body.toString('utf8').replace(/\s+/g, ' ').trim().slice(0, limit);
}
