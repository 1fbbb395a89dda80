export {
  isTopic,
  type LiveEvent,
  type LiveEventListener,
  maxDataBytes,
  maxTopicsPerConnection,
  parseLastEventId,
  parseTopics,
  siteTopic,
} from './live-event.ts';
export type { Announcer } from './ports.ts';
export { RealtimeRepository } from './realtime.repository.ts';
export { pruneJob, type RealtimeOptions, RealtimeService } from './realtime.service.ts';
