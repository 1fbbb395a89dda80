/**
 * Entry of /assets/push-optin.js: the "Get breaking news alerts" button in the site footer
 * (render/components/push-optin.tsx). The server renders it hidden; this reveals it only where the
 * browser can take pushes and the reader has not blocked them. The service worker is registered only when
 * a reader turns alerts on, so readers who never do get none.
 */

// A module (not a global script), so its names stay its own.
export {};

type State = 'off' | 'working' | 'on' | 'blocked';

interface KeyAnswer {
  publicKey: string;
  token: string;
}

const labels: Record<State, string> = {
  off: 'Get breaking news alerts',
  working: 'Please wait…',
  on: 'Turn off alerts',
  blocked: 'Get breaking news alerts',
};

function supported(): boolean {
  return (
    window.isSecureContext &&
    'serviceWorker' in navigator &&
    'PushManager' in window &&
    'Notification' in window
  );
}

/** applicationServerKey as bytes: every browser takes these (not all take the base64url string). */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function serverKey(): Promise<KeyAnswer> {
  const response = await fetch('/push/key', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`push key: ${response.status}`);
  return (await response.json()) as KeyAnswer;
}

async function tellServer(method: 'POST' | 'DELETE', body: unknown): Promise<void> {
  const { token } = await serverKey();
  const response = await fetch('/push/subscriptions', {
    method,
    headers: { 'content-type': 'application/json', 'x-push-token': token },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`push subscription: ${response.status}`);
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration('/');
  return (await registration?.pushManager.getSubscription()) ?? null;
}

async function subscribe(): Promise<void> {
  const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  await navigator.serviceWorker.ready;
  const { publicKey } = await serverKey();
  const options = { userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) };
  let subscription: PushSubscription;
  try {
    subscription = await registration.pushManager.subscribe(options);
  } catch (error) {
    // Subscribed earlier with another key (the site's keys were replaced): start afresh once.
    const stale = await registration.pushManager.getSubscription();
    if (!stale) throw error;
    await stale.unsubscribe();
    subscription = await registration.pushManager.subscribe(options);
  }
  try {
    await tellServer('POST', subscription.toJSON());
  } catch (error) {
    // The server did not take it: do not leave the browser believing alerts are on.
    await subscription.unsubscribe().catch(() => undefined);
    throw error;
  }
}

async function unsubscribe(): Promise<void> {
  const subscription = await currentSubscription();
  if (!subscription) return;
  await tellServer('DELETE', { endpoint: subscription.endpoint });
  await subscription.unsubscribe();
}

function start(root: HTMLElement): void {
  const button = root.querySelector<HTMLButtonElement>('button[data-push-button]');
  const status = root.querySelector<HTMLElement>('[data-push-status]');
  if (!button || !status) return;
  let state: State = 'off';

  const show = (next: State, message: string) => {
    state = next;
    button.textContent = labels[next];
    button.disabled = next === 'working' || next === 'blocked';
    button.hidden = next === 'blocked';
    root.dataset.state = next;
    status.textContent = message;
  };

  button.addEventListener('click', async () => {
    if (state === 'on') {
      show('working', 'Turning off alerts…');
      try {
        await unsubscribe();
        show('off', 'Alerts are off on this device.');
      } catch {
        show('on', 'Could not turn alerts off. Try again in a moment.');
      }
      return;
    }
    show('working', 'Turning on alerts…');
    // Asked straight from the click: some browsers allow the permission prompt only then.
    const permission = await Notification.requestPermission();
    if (permission === 'denied') {
      show('blocked', 'Alerts are blocked in this browser’s settings for this site.');
      return;
    }
    if (permission !== 'granted') {
      show('off', 'Alerts stay off. You can turn them on at any time.');
      return;
    }
    try {
      await subscribe();
      show('on', 'Alerts are on. We will only send the biggest stories.');
    } catch {
      show('off', 'Could not turn on alerts in this browser just now. Try again later.');
    }
  });

  void currentSubscription()
    .catch(() => null)
    .then((subscription) => {
      if (subscription) show('on', 'Breaking news alerts are on for this device.');
      root.hidden = false;
    });
}

const root = document.querySelector<HTMLElement>('[data-push-optin]');
if (root && supported() && Notification.permission !== 'denied') start(root);
