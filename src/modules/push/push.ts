import { ECDH } from 'node:crypto';
import { z } from 'zod';

/** The durable job that delivers one push; its payload is `{ notificationId }`. */
export const pushJob = 'push.send';

/** Limits an editor sees on the confirm page; short enough for a lock screen, well inside the 4 KB payload. */
export const titleMaxLength = 80;
export const bodyMaxLength = 200;

/** The push services' own limit is about 2 KB for endpoint URLs in practice; anything longer is not one. */
const endpointMaxLength = 2048;

/** What the reader's browser sends (PushSubscription.toJSON()). */
export interface SubscriptionInput {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/** A subscription a push is about to be sent to. */
export interface PushTarget {
  subscriptionId: number;
  endpoint: string;
  p256dh: string;
  auth: string;
}

/**
 * What became of one message: delivered; gone (404/410: the reader unsubscribed or the browser dropped
 * it, so the subscription is deleted); rejected (another 4xx: this push will never get through); or
 * transient (429, 5xx, network): worth another try later.
 */
export type DeliveryOutcome = 'delivered' | 'gone' | 'rejected' | 'transient';

/** The JSON the service worker receives and shows (src/client/service-worker). */
export interface PushPayload {
  title: string;
  body: string;
  /** Absolute URL of the story, opened when the notification is clicked. */
  url: string;
  icon: string;
  /** One notification per push, even if a browser receives it twice. */
  tag: string;
}

export type PushStatus = 'queued' | 'sending' | 'done' | 'cancelled';

/** A push as the newsroom sees it: who sent what, and how delivery went. */
export interface PushRecord {
  id: number;
  articleId: number | null;
  title: string;
  body: string;
  url: string;
  sentBy: string | null;
  status: PushStatus;
  recipients: number;
  delivered: number;
  failed: number;
  removed: number;
  createdAt: Date;
  finishedAt: Date | null;
}

/** What the confirm page needs. */
export interface PushDraft {
  article: { id: number; headline: string; standfirst: string; url: string; breaking: boolean };
  title: string;
  body: string;
  subscribers: number;
  history: PushRecord[];
}

const base64url = /^[A-Za-z0-9_-]+={0,2}$/;

function decodedLength(value: string): number {
  return Buffer.from(value.replace(/=+$/, ''), 'base64url').length;
}

/** The browser's P-256 public key: 65 bytes, uncompressed, and a point on the curve. */
function isP256PublicKey(value: string): boolean {
  const bytes = Buffer.from(value.replace(/=+$/, ''), 'base64url');
  if (bytes.length !== 65 || bytes[0] !== 0x04) return false;
  try {
    // Throws unless the bytes are a point on the curve.
    ECDH.convertKey(bytes, 'prime256v1');
    return true;
  } catch {
    return false;
  }
}

export const subscriptionSchema = z
  .object({
    endpoint: z
      .string('The subscription needs an endpoint.')
      .min(1, 'The subscription needs an endpoint.')
      .max(endpointMaxLength, 'That endpoint is too long to be a push service address.'),
    expirationTime: z.number().nullable().optional(),
    keys: z.object(
      {
        p256dh: z
          .string()
          .max(100)
          .regex(base64url, 'The p256dh key must be base64url.')
          .refine(isP256PublicKey, 'The p256dh key must be a P-256 public key (65 bytes).'),
        auth: z
          .string()
          .max(30)
          .regex(base64url, 'The auth secret must be base64url.')
          .refine((value) => decodedLength(value) === 16, 'The auth secret must be 16 bytes.'),
      },
      'The subscription needs its keys.',
    ),
  })
  .transform(
    (value): SubscriptionInput => ({
      endpoint: value.endpoint,
      p256dh: value.keys.p256dh.replace(/=+$/, ''),
      auth: value.keys.auth.replace(/=+$/, ''),
    }),
  );

export const unsubscribeSchema = z.object({
  endpoint: z.string('Say which subscription to remove.').min(1).max(endpointMaxLength),
});

/** Control characters (other than new lines) have no place on a lock screen. */
const plain = (value: string) => value.replace(/[^\P{Cc}\n]/gu, ' ').trim();

export const messageSchema = z.object({
  title: z
    .string()
    .transform(plain)
    .pipe(
      z
        .string()
        .min(1, 'Give the alert a title.')
        .max(titleMaxLength, `The title can have at most ${titleMaxLength} characters.`),
    ),
  body: z
    .string()
    .transform(plain)
    .pipe(z.string().max(bodyMaxLength, `The text can have at most ${bodyMaxLength} characters.`)),
  requestKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/, 'This form has expired. Reload the page and try again.'),
});
export type MessageInput = z.infer<typeof messageSchema>;

/** Why an endpoint is refused, or undefined when the push may be sent there. */
export function endpointProblem(
  endpoint: string,
  policy: { serviceHosts: readonly string[] | '*'; allowLoopback: boolean },
): string | undefined {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'The endpoint is not a URL.';
  }
  if (url.username || url.password) return 'The endpoint must not carry credentials.';
  // Tests and local development run a fake push service on the loopback address (never in production).
  if (policy.allowLoopback && url.protocol === 'http:' && url.hostname === '127.0.0.1') return undefined;
  if (url.protocol !== 'https:') return 'The endpoint must be an https: URL.';
  const host = url.hostname.toLowerCase();
  // Our server POSTs to this address: never let a reader point it at an address of our own network.
  if (/^[\d.]+$/.test(host) || host.includes(':') || host === 'localhost' || !host.includes('.')) {
    return 'The endpoint is not a push service.';
  }
  if (policy.serviceHosts === '*') return undefined;
  const known = policy.serviceHosts.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
  return known ? undefined : 'The endpoint is not a push service this site sends to.';
}
