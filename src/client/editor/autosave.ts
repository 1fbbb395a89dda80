import { ApiError } from './api.ts';
import type { SaveAnswer } from './types.ts';

/**
 * Autosave with optimistic concurrency. Saves run one at a time (a second PUT in flight would carry a
 * stale version and be refused as our own conflict), each with the version the last answer gave. A 409
 * stops all saving: someone else's newer version is never overwritten, and the journalist decides.
 */

export type SaveState =
  | { kind: 'saved'; at: string | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string }
  | { kind: 'conflict'; message: string };

export interface SaverDeps {
  /** Sends the current state with this version. */
  save(version: number, keepalive: boolean): Promise<SaveAnswer>;
  onState(state: SaveState): void;
  /** Timers are injected so tests can run the clock. */
  later?(run: () => void, ms: number): () => void;
}

/** Statuses worth trying again by ourselves: offline, signed out, rate-limited or a server hiccup. */
const retryable = (status: number) => status === 0 || status === 401 || status === 429 || status >= 500;

const defaultLater = (run: () => void, ms: number) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

export class Autosaver {
  state: SaveState = { kind: 'saved', at: null };
  private edits = 0;
  private savedEdits = 0;
  private cancelTimer: (() => void) | null = null;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    public version: number,
    private readonly deps: SaverDeps,
    private readonly delay = 2000,
    private readonly retryDelay = 10_000,
  ) {}

  get dirty(): boolean {
    return this.edits !== this.savedEdits;
  }

  get editCount(): number {
    return this.edits;
  }

  /** Something changed: save once typing has paused for `delay`. */
  changed(): void {
    this.edits += 1;
    if (this.state.kind === 'conflict') return;
    if (this.state.kind !== 'saving') this.set({ kind: 'pending' });
    this.schedule(this.delay);
  }

  /** Saves now (Ctrl+S, blur, leaving the tab, before a workflow action). True when nothing is left unsaved. */
  flush(keepalive = false): Promise<boolean> {
    this.cancel();
    const run = this.chain.then(() => this.saveOnce(keepalive));
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** After an action or a reload the server's answer is the state: take its version, nothing pending. */
  adopt(version: number, everythingSaved: boolean): void {
    this.version = version;
    if (everythingSaved) {
      this.savedEdits = this.edits;
      if (this.state.kind !== 'conflict') this.set({ kind: 'saved', at: this.savedAt() });
    }
  }

  conflict(message: string): void {
    this.cancel();
    this.set({ kind: 'conflict', message });
  }

  private savedAt(): string | null {
    return this.state.kind === 'saved' ? this.state.at : null;
  }

  private async saveOnce(keepalive: boolean): Promise<boolean> {
    if (this.state.kind === 'conflict') return false;
    if (!this.dirty) return true;
    const upTo = this.edits;
    this.set({ kind: 'saving' });
    try {
      const answer = await this.deps.save(this.version, keepalive);
      this.version = answer.version;
      this.savedEdits = upTo;
      if (this.dirty) {
        this.set({ kind: 'pending' });
        this.schedule(this.delay);
        return false;
      }
      this.set({ kind: 'saved', at: answer.savedAt });
      return true;
    } catch (error) {
      this.failed(error);
      return false;
    }
  }

  private failed(error: unknown): void {
    if (error instanceof ApiError && error.status === 409) {
      this.conflict(error.message);
      return;
    }
    const message = error instanceof ApiError ? error.message : 'The save failed unexpectedly.';
    this.set({ kind: 'failed', message });
    if (!(error instanceof ApiError) || retryable(error.status)) this.schedule(this.retryDelay);
  }

  private schedule(ms: number): void {
    this.cancel();
    const later = this.deps.later ?? defaultLater;
    this.cancelTimer = later(() => {
      this.cancelTimer = null;
      void this.flush();
    }, ms);
  }

  private cancel(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  private set(state: SaveState): void {
    this.state = state;
    this.deps.onState(state);
  }
}
