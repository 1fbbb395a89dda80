/**
 * The fan-out between instances (platform/bus implements it: LISTEN/NOTIFY on PostgreSQL, in-process on
 * PGlite). Every subscriber in every instance, the publisher's own included, receives each message.
 */
export interface Announcer {
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, listener: (message: string) => void): Promise<() => Promise<void>>;
}
