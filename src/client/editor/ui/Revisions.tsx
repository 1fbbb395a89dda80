import { useEffect, useState } from 'preact/hooks';
import { messageOf } from '../api.ts';
import type { EditorSession } from '../session.ts';
import { shortTime } from '../time.ts';
import type { Revision, RevisionDiff } from '../types.ts';
import { Modal } from './Modal.tsx';

const eventNames: Record<string, string> = {
  created: 'Created',
  saved: 'Saved',
  submitted: 'Sent for review',
  published: 'Published',
  scheduled: 'Scheduled',
  unpublished: 'Unpublished',
  restored: 'Restored',
  corrected: 'Correction',
};
const eventName = (event: string) => eventNames[event] ?? event.replace(/_/g, ' ');

function Diff({ diff, version }: { diff: RevisionDiff; version: number }) {
  const changed = diff.body.some((line) => line.kind !== 'same');
  return (
    <div class="ed-diff">
      {diff.fields.length > 0 && (
        <table class="ed-diff-fields">
          <caption>Fields that differ</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Version {version}</th>
              <th scope="col">Now</th>
            </tr>
          </thead>
          <tbody>
            {diff.fields.map((field) => (
              <tr key={field.field}>
                <th scope="row">{field.field}</th>
                <td class="ed-diff-removed">{field.before || <em>empty</em>}</td>
                <td class="ed-diff-added">{field.after || <em>empty</em>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 class="ed-diff-title">Text</h3>
      {!changed && <p class="ed-hint">The text is the same as now.</p>}
      <ol class="ed-diff-body">
        {diff.body.map((line, index) => (
          <li key={index} class={`ed-diff-${line.kind}`}>
            <span class="ed-visually-hidden">
              {line.kind === 'added'
                ? 'Only now: '
                : line.kind === 'removed'
                  ? `Only in version ${version}: `
                  : ''}
            </span>
            <span aria-hidden="true" class="ed-diff-mark">
              {line.kind === 'added' ? '+' : line.kind === 'removed' ? '−' : ' '}
            </span>
            {line.text}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** History: every saved version, what differs from now, and a way back. */
export function Revisions({ session, onClose }: { session: EditorSession; onClose(): void }) {
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [chosen, setChosen] = useState<Revision | null>(null);
  const [diff, setDiff] = useState<RevisionDiff | null>(null);
  const [error, setError] = useState('');
  const { api } = session;
  const id = session.article.id;

  useEffect(() => {
    api.revisions(id).then(setRevisions, (e: unknown) => setError(messageOf(e)));
  }, []);
  useEffect(() => {
    if (!chosen) return;
    setDiff(null);
    let stale = false;
    api.diff(id, chosen.version).then(
      (answer) => !stale && setDiff(answer),
      (e: unknown) => !stale && setError(messageOf(e)),
    );
    return () => {
      stale = true;
    };
  }, [chosen]);

  const restore = async () => {
    if (!chosen) return;
    const ok = await session.run(
      'restore',
      (version) => api.restore(id, chosen.version, version),
      `Version ${chosen.version} restored. The version before it is kept in the history.`,
      true,
    );
    if (ok) onClose();
    else setError(session.notice?.text ?? 'The version could not be restored.');
  };

  return (
    <Modal title="History" onClose={onClose} size="large">
      <div class="ed-history">
        <ol class="ed-history-list" aria-label="Versions, newest first">
          {revisions?.map((revision) => (
            <li key={revision.version}>
              <button
                type="button"
                class="ed-history-item"
                aria-pressed={chosen?.version === revision.version}
                onClick={() => setChosen(revision)}
              >
                <span class="ed-history-event">
                  {eventName(revision.event)} <span class="ed-muted">v{revision.version}</span>
                </span>
                <span class="ed-history-meta">
                  {shortTime(revision.createdAt, session.timeZone)} · {revision.userName}
                </span>
              </button>
            </li>
          ))}
          {revisions?.length === 0 && <li class="ed-empty">No versions yet.</li>}
        </ol>
        <div class="ed-history-detail" aria-live="polite">
          {error && <p class="ed-error-box">{error}</p>}
          {!chosen && <p class="ed-empty">Choose a version to compare it with the article as it is now.</p>}
          {chosen && !diff && !error && <p class="ed-hint">Comparing…</p>}
          {chosen && diff && (
            <>
              <div class="ed-history-head">
                <p>
                  <strong>Version {chosen.version}</strong> compared with now
                </p>
                {session.article.permissions.canEdit && (
                  <button type="button" class="ed-btn" disabled={session.busy !== null} onClick={restore}>
                    Restore this version
                  </button>
                )}
              </div>
              <Diff diff={diff} version={chosen.version} />
            </>
          )}
        </div>
      </div>
    </Modal>
  );
}
