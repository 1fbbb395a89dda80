import type { EditorSession } from '../session.ts';
import { isoToLocalInput, localInputToIso, longTime, zoneName } from '../time.ts';
import { type ButtonAction, workflowButtons } from '../workflow.ts';
import type { Dialogs } from './dialogs.ts';
import { Icon } from './icons.tsx';
import { Panel } from './Panel.tsx';
import { StatusPill } from './StatusPill.tsx';

function StatusLine({ session }: { session: EditorSession }) {
  const a = session.article;
  switch (a.status) {
    case 'draft':
      return <p class="ed-status-line">Not on the site yet.</p>;
    case 'in_review':
      return <p class="ed-status-line">Waiting for an editor’s review.</p>;
    case 'scheduled':
      return <p class="ed-status-line">Will be published {longTime(a.scheduledFor, session.timeZone)}.</p>;
    case 'unpublished':
      return <p class="ed-status-line">Taken off the site.</p>;
    default:
      return (
        <p class="ed-status-line">
          Published {longTime(a.publishedAt, session.timeZone)}
          {a.publicUpdatedAt && <>; updated {longTime(a.publicUpdatedAt, session.timeZone)}</>}.
        </p>
      );
  }
}

/** Runs "submit" at once; every other action asks first in a dialog. */
export function startAction(session: EditorSession, dialogs: Dialogs, action: ButtonAction): void {
  if (action === 'submit') {
    const id = session.article.id;
    void session.run('submit', (version) => session.api.submit(id, version), 'Sent for review.');
  } else {
    dialogs.open({ kind: 'workflow', action });
  }
}

export function PublishPanel({ session, dialogs }: { session: EditorSession; dialogs: Dialogs }) {
  const a = session.article;
  const buttons = workflowButtons(a);
  return (
    <Panel title="Publishing">
      <div class="ed-status-row">
        <StatusPill status={a.status} />
        {a.url && a.status === 'published' && (
          <a class="ed-link" href={a.url} target="_blank" rel="noopener">
            View on site <Icon name="external" />
            <span class="ed-visually-hidden"> (opens in a new tab)</span>
          </a>
        )}
      </div>
      <StatusLine session={session} />
      {buttons.length > 0 && (
        <div class="ed-actions">
          {buttons.map((button) => (
            <button
              key={button.action}
              type="button"
              class={`ed-btn${button.danger ? ' ed-btn-danger' : ''}`}
              disabled={session.busy !== null || !session.canEdit}
              onClick={() => startAction(session, dialogs, button.action)}
            >
              {button.label}
            </button>
          ))}
        </div>
      )}
      <label class="ed-field">
        <span class="ed-field-label">Embargo until</span>
        <span class="ed-inline">
          <input
            type="datetime-local"
            aria-label="Embargo until"
            value={isoToLocalInput(session.fields.embargoUntil, session.timeZone)}
            disabled={!session.canEdit}
            onChange={(e) =>
              session.update({ embargoUntil: localInputToIso(e.currentTarget.value, session.timeZone) })
            }
          />
          {session.fields.embargoUntil && (
            <button
              type="button"
              class="ed-link-btn"
              disabled={!session.canEdit}
              onClick={() => session.update({ embargoUntil: null })}
            >
              Clear
            </button>
          )}
        </span>
        <span class="ed-hint">Not shown to readers before this time ({zoneName(session.timeZone)}).</span>
      </label>
      {a.corrections.length > 0 && (
        <div class="ed-corrections">
          <h3>Corrections</h3>
          <ul>
            {a.corrections.map((correction) => (
              <li key={correction.correctedAt}>
                <time dateTime={correction.correctedAt}>
                  {longTime(correction.correctedAt, session.timeZone)}
                </time>{' '}
                {correction.text}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Panel>
  );
}
