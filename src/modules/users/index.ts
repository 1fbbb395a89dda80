export { type Action, type ArticleResource, actions, can } from './policy.ts';
export type { Mailer, PasswordHasher } from './ports.ts';
export * from './user.ts';
export { type TokenPurpose, UsersRepository } from './users.repository.ts';
export {
  actorOf,
  passwordSchema,
  type SessionInfo,
  sessionIdleMs,
  sessionLifetimeMs,
  UsersService,
  type UsersServiceOptions,
} from './users.service.ts';
