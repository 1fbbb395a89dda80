import {
  bodyMaxLength,
  type PushDraft,
  type PushRecord,
  type PushStatus,
  titleMaxLength,
} from '../../../modules/push/index.ts';
import { formatDateline } from '../../../shared/dates.ts';

export interface PushForm {
  title: string;
  body: string;
}

interface Props {
  draft: PushDraft;
  csrf: string;
  /** One-time key for this form: sending it twice queues one push. */
  requestKey: string;
  timeZone: string;
  /** The push just queued, to confirm it. */
  sentId?: number;
  /** A rejected submission: the message and what was typed. */
  error?: { message: string; form: PushForm };
}

const statusNames: Record<PushStatus, string> = {
  queued: 'Queued',
  sending: 'Sending',
  done: 'Sent',
  cancelled: 'Not sent',
};
const statusClass: Record<PushStatus, string> = {
  queued: 'status status-pending',
  sending: 'status status-pending',
  done: 'status status-published',
  cancelled: 'status status-unpublished',
};

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

const breakingStyle = { borderLeft: '4px solid #b00020' } as const;

function Outcome({ record }: { record: PushRecord }) {
  if (record.status === 'cancelled') return <span class="row-note">The story was unpublished first.</span>;
  if (record.status === 'queued') return <span class="row-note">Waiting to go out</span>;
  const unconfirmed = record.recipients - record.delivered - record.failed - record.removed;
  return (
    <span class="row-note">
      {plural(record.delivered, 'delivered', 'delivered')} · {plural(record.failed, 'failed', 'failed')}
      {record.removed > 0 && ` · ${plural(record.removed, 'expired subscription')} removed`}
      {record.status === 'done' &&
        unconfirmed > 0 &&
        ` · ${plural(unconfirmed, 'reader')} unsubscribed first`}
    </span>
  );
}

function History({ history, timeZone }: { history: PushRecord[]; timeZone: string }) {
  return (
    <section class="panel" aria-labelledby="push-history">
      <h2 id="push-history">Pushes about this story</h2>
      <table class="article-table">
        <thead>
          <tr>
            <th scope="col">Notification</th>
            <th scope="col">Sent</th>
            <th scope="col">Delivery</th>
          </tr>
        </thead>
        <tbody>
          {history.map((record) => (
            <tr id={`push-${record.id}`}>
              <td>
                <strong>{record.title}</strong>
                {record.body && <span class="row-note">{record.body}</span>}
              </td>
              <td>
                <time dateTime={record.createdAt.toISOString()}>
                  {formatDateline(record.createdAt, timeZone)}
                </time>
                <span class="row-note">
                  {record.sentBy ? `by ${record.sentBy}` : 'by a former user'} · to{' '}
                  {plural(record.recipients, 'subscriber')}
                </span>
              </td>
              <td>
                <span class={statusClass[record.status]}>{statusNames[record.status]}</span>
                <Outcome record={record} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** "Send push notification": the editor checks the words and the audience, then confirms. */
export function PushPage({ draft, csrf, requestKey, timeZone, sentId, error }: Props) {
  const form = error?.form ?? { title: draft.title, body: draft.body };
  const sent = sentId === undefined ? undefined : draft.history.find((record) => record.id === sentId);
  const { article } = draft;
  const lastPush = draft.history.find((record) => record.status !== 'cancelled');
  return (
    <>
      <div class="page-head">
        <h1>Send push notification</h1>
        <a class="button" href={`/admin/articles/${article.id}`}>
          Back to the story
        </a>
      </div>
      <p class="intro">
        An alert on the lock screen or desktop of every reader who turned on breaking news alerts. Keep it for
        news they would want to be interrupted for.
      </p>
      {sent && (
        <p class="form-notice" role="status">
          Push queued for {plural(sent.recipients, 'subscriber')}. It goes out in the background; delivery is
          shown below.
        </p>
      )}
      <section
        class="panel"
        aria-labelledby="push-story"
        style={article.breaking ? breakingStyle : undefined}
      >
        <h2 id="push-story">{article.headline}</h2>
        <p class="hint">
          {article.breaking ? 'Labelled Breaking · ' : ''}
          <a href={article.url} target="_blank" rel="noopener">
            {article.url}
            <span class="visually-hidden"> (opens in a new tab)</span>
          </a>
        </p>
        <form method="post" action={`/admin/articles/${article.id}/push`} class="stack" novalidate>
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="requestKey" value={requestKey} />
          {error && (
            <p class="form-error" role="alert">
              {error.message}
            </p>
          )}
          <div class="field">
            <label for="push-title">Title</label>
            <input
              id="push-title"
              name="title"
              type="text"
              required
              maxLength={titleMaxLength}
              value={form.title}
              aria-describedby="push-title-hint"
            />
            <p class="hint" id="push-title-hint">
              Up to {titleMaxLength} characters. The headline unless you change it.
            </p>
          </div>
          <div class="field">
            <label for="push-body">Text</label>
            <textarea
              id="push-body"
              name="body"
              rows={3}
              maxLength={bodyMaxLength}
              aria-describedby="push-body-hint"
            >
              {form.body}
            </textarea>
            <p class="hint" id="push-body-hint">
              Up to {bodyMaxLength} characters. The standfirst unless you change it. Tapping the alert opens
              the story.
            </p>
          </div>
          {lastPush && (
            <p class="hint warn">
              This story was already pushed on {formatDateline(lastPush.createdAt, timeZone)}
              {lastPush.sentBy ? ` by ${lastPush.sentBy}` : ''}. Readers get a second alert if you send again.
            </p>
          )}
          <p>
            <button type="submit" class="button primary" disabled={draft.subscribers === 0}>
              Send to {plural(draft.subscribers, 'subscriber')}
            </button>
          </p>
          <p class="hint">
            {draft.subscribers === 0
              ? 'No reader has turned on alerts yet, so there is no one to send to.'
              : 'Sending happens in the background and never holds up publishing. Subscribers who join after you press Send do not get this alert.'}
          </p>
        </form>
      </section>
      {draft.history.length > 0 && <History history={draft.history} timeZone={timeZone} />}
    </>
  );
}
