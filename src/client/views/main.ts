/**
 * The reading beacon: when an article page is actually shown, tell the server once that it was read.
 * No cookie, no identifier, nothing but the article id. Readers who ask not to be tracked (Do Not Track,
 * Global Privacy Control) are not counted; without JavaScript nobody is.
 */
interface PrivacyNavigator extends Navigator {
  globalPrivacyControl?: boolean;
}

function optedOut(): boolean {
  const nav = navigator as PrivacyNavigator;
  return nav.doNotTrack === '1' || nav.globalPrivacyControl === true;
}

function send(id: number): void {
  const body = JSON.stringify({ id });
  // sendBeacon survives the reader leaving at once; fetch with keepalive is the fallback.
  if (navigator.sendBeacon?.('/views', body)) return;
  void fetch('/views', { method: 'POST', body, keepalive: true, credentials: 'omit' }).catch(() => undefined);
}

function start(): void {
  const element = document.querySelector<HTMLElement>('[data-article-id]');
  const id = Number(element?.dataset.articleId);
  if (!Number.isSafeInteger(id) || id < 1 || optedOut()) return;
  let sent = false;
  const sendWhenVisible = () => {
    if (sent || document.visibilityState !== 'visible') return;
    sent = true;
    document.removeEventListener('visibilitychange', sendWhenVisible);
    send(id);
  };
  // Pages opened in a background tab or prerendered count only once someone looks at them.
  document.addEventListener('visibilitychange', sendWhenVisible);
  sendWhenVisible();
}

start();
