export type { Bus, BusListener } from './bus.ts';
export { maxMessageBytes } from './bus.ts';
export { LocalBus } from './local-bus.ts';
export { PgBus } from './pg-bus.ts';
