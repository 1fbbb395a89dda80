/**
 * One Server-Sent Events connection per reader page. The topics and the id the page was rendered at come
 * from `<main data-live-topics data-live-since>`; every message is re-dispatched as a `broadsheet:live`
 * DOM event ({ topic, type, id, data }) for the islands that care (breaking banner, live blog).
 * EventSource reconnects by itself with Last-Event-ID; when the server refuses (a 503 while busy), this
 * opens a new connection after a growing pause, starting from the last id received.
 */
export interface LiveDetail {
  topic: string;
  type: string;
  id: number;
  data: unknown;
}

const main = document.getElementById('main');
const topics = main?.dataset.liveTopics?.trim();

function connect(lastId: string | undefined, pause: number): void {
  const query = new URLSearchParams({ topics: (topics ?? '').replace(/ +/g, ',') });
  if (lastId) query.set('lastEventId', lastId);
  const source = new EventSource(`/live/events?${query}`);
  let last = lastId;
  source.onmessage = (message) => {
    last = message.lastEventId || last;
    let envelope: { topic: string; type: string; data: unknown };
    try {
      envelope = JSON.parse(message.data);
    } catch {
      return;
    }
    const detail: LiveDetail = { ...envelope, id: Number(message.lastEventId) };
    document.dispatchEvent(new CustomEvent('broadsheet:live', { detail }));
  };
  source.onopen = () => {
    pause = 1000;
  };
  source.onerror = () => {
    if (source.readyState !== EventSource.CLOSED) return;
    setTimeout(() => connect(last, Math.min(pause * 2, 60_000)), pause + Math.random() * 1000);
  };
}

if (topics && 'EventSource' in window) connect(main?.dataset.liveSince, 1000);
