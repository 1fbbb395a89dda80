import { index, integer, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { articles } from './articles.ts';
import { users } from './users.ts';

/**
 * Browsers whose readers opted in to breaking-news alerts. The endpoint is a capability URL issued by the
 * reader's push service; p256dh and auth are the browser's keys the payload is encrypted to (RFC 8291).
 */
export const pushSubscriptions = pgTable('push_subscriptions', {
  id: serial('id').primaryKey(),
  endpoint: text('endpoint').notNull().unique(),
  p256dh: text('p256dh').notNull(),
  auth: text('auth').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
  /** Pushes in a row that could not be delivered; reset by a success, the subscription dropped at a limit. */
  failureCount: integer('failure_count').notNull().default(0),
});

/** One push an editor sent: what it said, who sent it, and how delivery went. */
export const pushNotifications = pgTable(
  'push_notifications',
  {
    id: serial('id').primaryKey(),
    articleId: integer('article_id').references(() => articles.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** The story's absolute URL at the time of sending. */
    url: text('url').notNull(),
    sentBy: integer('sent_by').references(() => users.id, { onDelete: 'set null' }),
    /** The form's one-time key: a double-clicked "Send" makes one push, not two. */
    requestKey: text('request_key').notNull().unique(),
    /** Readers subscribed when it was sent (ids up to this one); later subscribers do not get it. */
    upToSubscriptionId: integer('up_to_subscription_id').notNull(),
    recipients: integer('recipients').notNull(),
    /** cancelled: the story was unpublished before the push went out, so nothing was sent. */
    status: text('status', { enum: ['queued', 'sending', 'done', 'cancelled'] })
      .notNull()
      .default('queued'),
    delivered: integer('delivered').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    /** Subscriptions the push service said no longer exist (404/410), deleted on the spot. */
    removed: integer('removed').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('push_notifications_article_idx').on(t.articleId, t.id)],
);

/**
 * Which subscription a push was handed to: the row is claimed before sending, so a retried or duplicated
 * job never sends the same push to the same browser twice. Rows of finished pushes are pruned.
 */
export const pushDeliveries = pgTable(
  'push_deliveries',
  {
    notificationId: integer('notification_id')
      .notNull()
      .references(() => pushNotifications.id, { onDelete: 'cascade' }),
    subscriptionId: integer('subscription_id')
      .notNull()
      .references(() => pushSubscriptions.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['sending', 'delivered', 'failed'] })
      .notNull()
      .default('sending'),
  },
  (t) => [primaryKey({ columns: [t.notificationId, t.subscriptionId] })],
);
