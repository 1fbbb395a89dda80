import { and, count, desc, eq, gt, inArray, lt, lte, max, notExists, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
  pushDeliveries,
  pushNotifications,
  pushSubscriptions,
  settings,
  users,
} from '../../db/schema/index.ts';
import type {
  DeliveryOutcome,
  PushRecord,
  PushStatus,
  PushTarget,
  SubscriptionInput,
  VapidKeys,
} from './push.ts';

const vapidSettingKey = 'push.vapid';

export interface NewNotification {
  articleId: number;
  title: string;
  body: string;
  url: string;
  sentBy: number | null;
  requestKey: string;
}

export interface NotificationRow {
  id: number;
  articleId: number | null;
  title: string;
  body: string;
  url: string;
  status: PushStatus;
  upToSubscriptionId: number;
  recipients: number;
}

/** Outcomes of one batch; transient ones either go back in the queue or, on the last attempt, count as failed. */
export interface BatchResults {
  outcomes: { subscriptionId: number; outcome: DeliveryOutcome }[];
  finalAttempt: boolean;
  /** Failed pushes in a row after which a subscription is dropped. */
  failureLimit: number;
  now: Date;
}

export class PushRepository {
  constructor(private readonly db: Database) {}

  async vapidKeys(): Promise<VapidKeys | undefined> {
    const [row] = await this.db.select().from(settings).where(eq(settings.key, vapidSettingKey));
    const value = row?.value as Partial<VapidKeys> | undefined;
    return typeof value?.publicKey === 'string' && typeof value.privateKey === 'string'
      ? { publicKey: value.publicKey, privateKey: value.privateKey }
      : undefined;
  }

  /** Stores the pair unless another instance got there first; either way returns the stored pair. */
  async keepVapidKeys(keys: VapidKeys): Promise<VapidKeys> {
    await this.db
      .insert(settings)
      .values({ key: vapidSettingKey, value: keys })
      .onConflictDoNothing({ target: settings.key });
    const stored = await this.vapidKeys();
    if (!stored) throw new Error('the VAPID keys could not be stored');
    return stored;
  }

  /** A browser subscribing again (or with new keys) updates its row rather than adding one. */
  async upsertSubscription(input: SubscriptionInput): Promise<void> {
    await this.db
      .insert(pushSubscriptions)
      .values(input)
      .onConflictDoUpdate({
        target: pushSubscriptions.endpoint,
        set: { p256dh: input.p256dh, auth: input.auth, failureCount: 0 },
      });
  }

  async deleteSubscription(endpoint: string): Promise<boolean> {
    const rows = await this.db
      .delete(pushSubscriptions)
      .where(eq(pushSubscriptions.endpoint, endpoint))
      .returning({ id: pushSubscriptions.id });
    return rows.length > 0;
  }

  /** How many readers are subscribed, and the newest subscription's id (a push goes to ids up to it). */
  async audience(): Promise<{ count: number; upToId: number }> {
    const [row] = await this.db
      .select({ count: count(), upToId: max(pushSubscriptions.id) })
      .from(pushSubscriptions);
    return { count: Number(row?.count ?? 0), upToId: Number(row?.upToId ?? 0) };
  }

  /** Inserts the push; a form sent twice (same request key) gets the first one back. */
  async insertNotification(
    input: NewNotification,
    audience: { count: number; upToId: number },
  ): Promise<{ row: NotificationRow; created: boolean }> {
    const [created] = await this.db
      .insert(pushNotifications)
      .values({ ...input, upToSubscriptionId: audience.upToId, recipients: audience.count })
      .onConflictDoNothing({ target: pushNotifications.requestKey })
      .returning({ id: pushNotifications.id });
    const [row] = await this.notificationRows(eq(pushNotifications.requestKey, input.requestKey));
    if (!row) throw new Error('push notification insert returned nothing');
    return { row, created: created !== undefined };
  }

  async notification(id: number): Promise<NotificationRow | undefined> {
    const [row] = await this.notificationRows(eq(pushNotifications.id, id));
    return row;
  }

  async setStatus(id: number, status: PushStatus, finishedAt: Date | null = null): Promise<void> {
    await this.db.update(pushNotifications).set({ status, finishedAt }).where(eq(pushNotifications.id, id));
  }

  /** The pushes about one article, newest first, with the sender's name. */
  history(articleId: number, limit: number): Promise<PushRecord[]> {
    return this.records()
      .where(eq(pushNotifications.articleId, articleId))
      .orderBy(desc(pushNotifications.id))
      .limit(limit);
  }

  async record(id: number): Promise<PushRecord | undefined> {
    const [row] = await this.records().where(eq(pushNotifications.id, id));
    return row;
  }

  private records() {
    return this.db
      .select({
        id: pushNotifications.id,
        articleId: pushNotifications.articleId,
        title: pushNotifications.title,
        body: pushNotifications.body,
        url: pushNotifications.url,
        sentBy: users.name,
        status: pushNotifications.status,
        recipients: pushNotifications.recipients,
        delivered: pushNotifications.delivered,
        failed: pushNotifications.failed,
        removed: pushNotifications.removed,
        createdAt: pushNotifications.createdAt,
        finishedAt: pushNotifications.finishedAt,
      })
      .from(pushNotifications)
      .leftJoin(users, eq(users.id, pushNotifications.sentBy))
      .$dynamic();
  }

  /**
   * The next subscriptions (by id, after `afterId`) this push has not been handed to yet, claimed for this
   * worker: the claim row is inserted before anything is sent, and a conflict means another worker has it,
   * so no browser gets the same push twice. `lastId` is how far the scan got (undefined: nothing left).
   */
  async claimBatch(
    notification: NotificationRow,
    afterId: number,
    limit: number,
  ): Promise<{ targets: PushTarget[]; lastId: number | undefined }> {
    const candidates = await this.db
      .select({
        subscriptionId: pushSubscriptions.id,
        endpoint: pushSubscriptions.endpoint,
        p256dh: pushSubscriptions.p256dh,
        auth: pushSubscriptions.auth,
      })
      .from(pushSubscriptions)
      .where(
        and(
          gt(pushSubscriptions.id, afterId),
          lte(pushSubscriptions.id, notification.upToSubscriptionId),
          notExists(
            this.db
              .select({ one: sql`1` })
              .from(pushDeliveries)
              .where(
                and(
                  eq(pushDeliveries.notificationId, notification.id),
                  eq(pushDeliveries.subscriptionId, pushSubscriptions.id),
                ),
              ),
          ),
        ),
      )
      .orderBy(pushSubscriptions.id)
      .limit(limit);
    const last = candidates.at(-1);
    if (!last) return { targets: [], lastId: undefined };
    const claimed = await this.db
      .insert(pushDeliveries)
      .values(candidates.map((c) => ({ notificationId: notification.id, subscriptionId: c.subscriptionId })))
      .onConflictDoNothing()
      .returning({ subscriptionId: pushDeliveries.subscriptionId });
    const mine = new Set(claimed.map((row) => row.subscriptionId));
    return { targets: candidates.filter((c) => mine.has(c.subscriptionId)), lastId: last.subscriptionId };
  }

  /**
   * Records a batch in one transaction: the claim rows, the subscriptions' health and the push's counts
   * move together. Returns how many deliveries were handed back for a later attempt.
   */
  async recordBatch(notificationId: number, results: BatchResults): Promise<number> {
    const ids = (wanted: (outcome: DeliveryOutcome) => boolean) =>
      results.outcomes.filter((o) => wanted(o.outcome)).map((o) => o.subscriptionId);
    const delivered = ids((o) => o === 'delivered');
    const gone = ids((o) => o === 'gone');
    const retry = results.finalAttempt ? [] : ids((o) => o === 'transient');
    const failed = ids((o) => o === 'rejected' || (results.finalAttempt && o === 'transient'));
    const claimsOf = (subscriptionIds: number[]) =>
      and(
        eq(pushDeliveries.notificationId, notificationId),
        inArray(pushDeliveries.subscriptionId, subscriptionIds),
      );
    await this.db.transaction(async (tx) => {
      if (delivered.length) {
        await tx.update(pushDeliveries).set({ status: 'delivered' }).where(claimsOf(delivered));
        await tx
          .update(pushSubscriptions)
          .set({ lastSuccessAt: results.now, failureCount: 0 })
          .where(inArray(pushSubscriptions.id, delivered));
      }
      if (failed.length) {
        await tx.update(pushDeliveries).set({ status: 'failed' }).where(claimsOf(failed));
        await tx
          .update(pushSubscriptions)
          .set({ failureCount: sql`${pushSubscriptions.failureCount} + 1` })
          .where(inArray(pushSubscriptions.id, failed));
        await tx
          .delete(pushSubscriptions)
          .where(
            and(
              inArray(pushSubscriptions.id, failed),
              sql`${pushSubscriptions.failureCount} >= ${results.failureLimit}`,
            ),
          );
      }
      // Gone: the push service says this browser no longer exists (its claim rows go with it).
      if (gone.length) await tx.delete(pushSubscriptions).where(inArray(pushSubscriptions.id, gone));
      // Handed back: the next attempt claims these again.
      if (retry.length) await tx.delete(pushDeliveries).where(claimsOf(retry));
      await tx
        .update(pushNotifications)
        .set({
          delivered: sql`${pushNotifications.delivered} + ${delivered.length}`,
          failed: sql`${pushNotifications.failed} + ${failed.length}`,
          removed: sql`${pushNotifications.removed} + ${gone.length}`,
        })
        .where(eq(pushNotifications.id, notificationId));
    });
    return retry.length;
  }

  /** Claim rows are needed only while a push can still run; finished pushes keep their counts. */
  async pruneDeliveries(finishedBefore: Date): Promise<void> {
    await this.db
      .delete(pushDeliveries)
      .where(
        inArray(
          pushDeliveries.notificationId,
          this.db
            .select({ id: pushNotifications.id })
            .from(pushNotifications)
            .where(lt(pushNotifications.finishedAt, finishedBefore)),
        ),
      );
  }

  private notificationRows(where: ReturnType<typeof eq>): Promise<NotificationRow[]> {
    return this.db
      .select({
        id: pushNotifications.id,
        articleId: pushNotifications.articleId,
        title: pushNotifications.title,
        body: pushNotifications.body,
        url: pushNotifications.url,
        status: pushNotifications.status,
        upToSubscriptionId: pushNotifications.upToSubscriptionId,
        recipients: pushNotifications.recipients,
      })
      .from(pushNotifications)
      .where(where);
  }
}
