/**
 * WebSub publisher: after a change, tell the hub which feeds changed, so subscribers (Google News among
 * them) fetch at once instead of polling. Pings run in the background, are batched for a moment so a
 * burst of edits makes one request, and failures are logged, never thrown at the editor who published.
 */
export interface WebSubLogger {
  warn(details: object, message: string): void;
}

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export class WebSubPublisher {
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly hub: string,
    private readonly log: WebSubLogger,
    private readonly options: { delayMs?: number; timeoutMs?: number; fetch?: Fetch } = {},
  ) {}

  /** Queues feed URLs (absolute) for the next ping. */
  notify(feedUrls: readonly string[]): void {
    for (const url of feedUrls) this.pending.add(url);
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.options.delayMs ?? 2_000);
    this.timer.unref();
  }

  /** Sends what is queued now (tests and shutdown call it; otherwise the timer does). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const urls = [...this.pending];
    this.pending.clear();
    if (urls.length === 0) return this.inFlight;
    this.inFlight = this.inFlight.then(() => this.ping(urls));
    return this.inFlight;
  }

  private async ping(urls: string[]): Promise<void> {
    const body = new URLSearchParams({ 'hub.mode': 'publish' });
    for (const url of urls) body.append('hub.url', url);
    const fetcher: Fetch = this.options.fetch ?? ((url, init) => fetch(url, init));
    try {
      const response = await fetcher(this.hub, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      if (!response.ok) {
        this.log.warn(
          { hub: this.hub, status: response.status, feeds: urls.length },
          'WebSub hub refused a ping',
        );
      }
      await response.body?.cancel().catch(() => undefined);
    } catch (error) {
      this.log.warn(
        { hub: this.hub, error: error instanceof Error ? error.message : String(error), feeds: urls.length },
        'WebSub ping failed',
      );
    }
  }
}
