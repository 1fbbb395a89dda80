import http from 'node:http';

/** One Server-Sent Events message as the stream carried it. */
export interface SseMessage {
  id: number;
  topic: string;
  type: string;
  data: unknown;
}

interface Waiter {
  done: () => boolean;
  resolve: () => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * A raw HTTP client for `/live/events` that parses the stream itself (no EventSource), so tests see
 * exactly what the server wrote: ids, envelopes, `retry:` hints and heartbeat comments.
 */
export class SseClient {
  readonly messages: SseMessage[] = [];
  heartbeats = 0;
  retry: number | undefined;
  ended = false;
  private buffer = '';
  private readonly waiters = new Set<Waiter>();

  private constructor(
    private readonly request: http.ClientRequest,
    readonly response: http.IncomingMessage,
  ) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.receive(chunk));
    const end = () => {
      this.ended = true;
      this.check();
    };
    response.on('end', end);
    response.on('close', end);
    response.on('error', end);
  }

  /** Connects and resolves once the response headers are in (any status). */
  static open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    return new Promise((resolve, reject) => {
      const request = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (response) =>
        resolve(new SseClient(request, response)),
      );
      request.on('error', reject);
    });
  }

  get status(): number {
    return this.response.statusCode ?? 0;
  }

  /** The body of a non-stream answer (a 400 problem page), read to the end. */
  async text(): Promise<string> {
    await this.until(() => this.ended, 'the response to end');
    return this.buffer;
  }

  /** Waits until `count` messages (in total) have arrived. */
  async waitForMessages(count: number, timeoutMs = 10_000): Promise<SseMessage[]> {
    await this.until(
      () => this.messages.length >= count,
      `${count} messages (have ${this.messages.length})`,
      timeoutMs,
    );
    return this.messages.slice(0, count);
  }

  /** Waits for a message matching `predicate`. */
  async waitFor(predicate: (message: SseMessage) => boolean, timeoutMs = 10_000): Promise<SseMessage> {
    await this.until(() => this.messages.some(predicate), 'a matching message', timeoutMs);
    const found = this.messages.find(predicate);
    if (!found) throw new Error('unreachable');
    return found;
  }

  until(done: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        done,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new Error(`timed out waiting for ${what}`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Stops reading without closing: the server's writes pile up (a slow reader). */
  pause(): void {
    this.response.pause();
  }

  close(): void {
    this.request.destroy();
    this.response.destroy();
  }

  private receive(chunk: string): void {
    if (!String(this.response.headers['content-type']).startsWith('text/event-stream')) {
      this.buffer += chunk;
      return;
    }
    this.buffer += chunk;
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end < 0) break;
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.parse(block);
    }
    this.check();
  }

  private parse(block: string): void {
    let id: number | undefined;
    let data: string | undefined;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.heartbeats++;
      else if (line.startsWith('retry: ')) this.retry = Number(line.slice(7));
      else if (line.startsWith('id: ')) id = Number(line.slice(4));
      else if (line.startsWith('data: ')) data = line.slice(6);
      else if (line !== '') throw new Error(`unexpected SSE line: ${line}`);
    }
    if (data === undefined) return;
    const envelope = JSON.parse(data) as { topic: string; type: string; data: unknown };
    if (id === undefined) throw new Error('an SSE message without an id');
    this.messages.push({ id, ...envelope });
  }

  private check(): void {
    for (const waiter of this.waiters) {
      if (!waiter.done()) continue;
      clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
      waiter.resolve();
    }
  }
}
