/**
 * A fan-out channel between every process serving the site. A message published on a channel reaches
 * every subscriber of that channel in every instance, the publisher's own included, at most once and
 * in order per publisher. It carries hints ("these tags changed", "entry 12 was posted"), never data
 * that must not be lost: what matters is in the database, and a missed message is repaired by reading it.
 */
export interface Bus {
  /** Sends a message (≤ 7,000 bytes: PostgreSQL's NOTIFY payload limit, with room to spare). */
  publish(channel: string, message: string): Promise<void>;
  /** Calls `listener` for each message on `channel`; the returned function unsubscribes. */
  subscribe(channel: string, listener: BusListener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export type BusListener = (message: string) => void;

export const maxMessageBytes = 7000;

/** Channel names become SQL identifiers for LISTEN, so they are kept to a safe alphabet. */
export function checkChannel(channel: string): string {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`Bad bus channel name: ${channel}`);
  return channel;
}

export function checkMessage(message: string): string {
  if (Buffer.byteLength(message) > maxMessageBytes) {
    throw new Error(`Bus message too long (${Buffer.byteLength(message)} bytes, limit ${maxMessageBytes})`);
  }
  return message;
}

/** Listeners by channel; both buses deliver through it. */
export class Subscribers {
  private readonly byChannel = new Map<string, Set<BusListener>>();

  add(channel: string, listener: BusListener): { first: boolean; remove: () => boolean } {
    let set = this.byChannel.get(channel);
    const first = !set;
    if (!set) {
      set = new Set();
      this.byChannel.set(channel, set);
    }
    set.add(listener);
    return {
      first,
      remove: () => {
        set.delete(listener);
        if (set.size > 0) return false;
        this.byChannel.delete(channel);
        return true;
      },
    };
  }

  channels(): string[] {
    return [...this.byChannel.keys()];
  }

  deliver(channel: string, message: string): void {
    for (const listener of this.byChannel.get(channel) ?? []) {
      try {
        listener(message);
      } catch (error) {
        console.error(`bus listener on ${channel} failed`, error);
      }
    }
  }
}
