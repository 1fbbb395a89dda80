export { PushRepository } from './push.repository.ts';
export { PushService, type PushServiceOptions } from './push.service.ts';
export * from './push.ts';
export { type PushTransport, type SendResult, webPushTransport } from './web-push.transport.ts';
