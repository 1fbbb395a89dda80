/**
 * The service worker behind breaking-news alerts, served at /sw.js (scope "/") and registered only when a
 * reader turns alerts on. It shows pushes and opens the story on a click; it has no fetch handler, so it
 * never stands between a reader and our pages.
 *
 * tsconfig's libraries are the page's (DOM), not a worker's: the few worker types used here are declared
 * below rather than adding the WebWorker library to the whole project.
 */

// A module (not a global script) for the type checker, so its names stay its own; bundled as a classic script.
export {};

interface ExtendableEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface PushEvent extends ExtendableEvent {
  data: { json(): unknown } | null;
}
interface NotificationEvent extends ExtendableEvent {
  notification: Notification;
}
interface SubscriptionChangeEvent extends ExtendableEvent {
  oldSubscription: PushSubscription | null;
  newSubscription: PushSubscription | null;
}
interface WindowClient {
  url: string;
  focus(): Promise<WindowClient>;
}
interface WorkerGlobal {
  registration: ServiceWorkerRegistration;
  location: Location;
  clients: {
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly WindowClient[]>;
    openWindow(url: string): Promise<WindowClient | null>;
    claim(): Promise<void>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'push', listener: (event: PushEvent) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: NotificationEvent) => void): void;
  addEventListener(type: 'pushsubscriptionchange', listener: (event: SubscriptionChangeEvent) => void): void;
}

const worker = globalThis as unknown as WorkerGlobal;

interface Alert {
  title: string;
  body: string;
  url: string;
  icon?: string;
  tag?: string;
}

/** Only our own pages are opened from a notification, whatever a payload says. */
function sameOriginUrl(value: unknown): string {
  try {
    const url = new URL(String(value), worker.location.origin);
    return url.origin === worker.location.origin ? url.href : worker.location.origin;
  } catch {
    return worker.location.origin;
  }
}

function readAlert(event: PushEvent): Alert {
  let data: Partial<Record<keyof Alert, unknown>> = {};
  try {
    const parsed = event.data?.json();
    if (parsed && typeof parsed === 'object') data = parsed;
  } catch {
    // An unreadable payload still shows a notification: browsers require one for every push.
  }
  const text = (value: unknown, fallback: string) => (typeof value === 'string' && value ? value : fallback);
  return {
    title: text(data.title, 'Breaking news'),
    body: text(data.body, ''),
    url: sameOriginUrl(data.url ?? '/'),
    icon: typeof data.icon === 'string' ? sameOriginUrl(data.icon) : undefined,
    tag: typeof data.tag === 'string' ? data.tag : undefined,
  };
}

worker.addEventListener('install', () => {
  void worker.skipWaiting();
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(worker.clients.claim());
});

worker.addEventListener('push', (event) => {
  const alert = readAlert(event);
  event.waitUntil(
    worker.registration.showNotification(alert.title, {
      body: alert.body,
      icon: alert.icon,
      tag: alert.tag,
      data: { url: alert.url },
    }),
  );
});

worker.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = sameOriginUrl((event.notification.data as { url?: unknown } | null)?.url ?? '/');
  event.waitUntil(
    (async () => {
      const open = await worker.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const tab = open.find((client) => client.url === url);
      if (tab) await tab.focus();
      else await worker.clients.openWindow(url);
    })(),
  );
});

/** The browser replaced the subscription (keys rotated or expired): tell the server, so alerts keep coming. */
worker.addEventListener('pushsubscriptionchange', (event) => {
  event.waitUntil(
    (async () => {
      const keyResponse = await fetch('/push/key', { credentials: 'same-origin' });
      if (!keyResponse.ok) return;
      const { publicKey, token } = (await keyResponse.json()) as { publicKey: string; token: string };
      const headers = { 'content-type': 'application/json', 'x-push-token': token };
      const fresh =
        event.newSubscription ??
        (await worker.registration.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: publicKey,
        }));
      await fetch('/push/subscriptions', { method: 'POST', headers, body: JSON.stringify(fresh.toJSON()) });
      if (event.oldSubscription && event.oldSubscription.endpoint !== fresh.endpoint) {
        const body = JSON.stringify({ endpoint: event.oldSubscription.endpoint });
        await fetch('/push/subscriptions', { method: 'DELETE', headers, body });
      }
    })(),
  );
});
