import { type Bus, type BusListener, checkChannel, checkMessage, Subscribers } from './bus.ts';

/**
 * The bus of a single process (the embedded PGlite database cannot be shared by two processes, so one
 * instance is all there is). Delivery is asynchronous, as it is through PostgreSQL.
 */
export class LocalBus implements Bus {
  private readonly subscribers = new Subscribers();

  async publish(channel: string, message: string): Promise<void> {
    checkChannel(channel);
    checkMessage(message);
    queueMicrotask(() => this.subscribers.deliver(channel, message));
  }

  async subscribe(channel: string, listener: BusListener): Promise<() => Promise<void>> {
    const { remove } = this.subscribers.add(checkChannel(channel), listener);
    return async () => {
      remove();
    };
  }

  async close(): Promise<void> {}
}
