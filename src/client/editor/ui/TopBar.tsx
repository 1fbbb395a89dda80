import type { EditorSession } from '../session.ts';
import { statsLabel } from '../text-stats.ts';
import { shortTime } from '../time.ts';
import { primaryButton } from '../workflow.ts';
import type { Dialogs } from './dialogs.ts';
import { Icon } from './icons.tsx';
import { startAction } from './PublishPanel.tsx';
import { StatusPill } from './StatusPill.tsx';

function SaveStatus({ session }: { session: EditorSession }) {
  const state = session.saveState;
  let text: string;
  switch (state.kind) {
    // The journalist's own clock, not the site's zone: "saved at" answers "did my last words stick?".
    case 'saved':
      text = state.at ? `Saved at ${shortTime(state.at)}` : 'No changes yet';
      break;
    case 'pending':
      text = 'Unsaved changes';
      break;
    case 'saving':
      text = 'Saving…';
      break;
    case 'failed':
      text = `Not saved: ${state.message}`;
      break;
    default:
      text = 'Not saved: a newer version exists';
  }
  return (
    <span class={`ed-save ed-save-${state.kind}`}>
      <span
        role="status"
        aria-live="polite"
        title={state.kind === 'failed' ? state.message : 'Ctrl+S saves now'}
      >
        {text}
      </span>
      {state.kind === 'failed' && (
        <button type="button" class="ed-link-btn" onClick={() => void session.saver.flush()}>
          Try again
        </button>
      )}
    </span>
  );
}

export function TopBar({ session, dialogs }: { session: EditorSession; dialogs: Dialogs }) {
  const article = session.article;
  const primary = session.canEdit ? primaryButton(article) : null;
  return (
    <header class="ed-topbar">
      <div class="ed-topbar-start">
        <a class="ed-back" href="/admin">
          <span aria-hidden="true">‹</span> Articles
        </a>
        <StatusPill status={article.status} />
        {session.article.permissions.canEdit && <SaveStatus session={session} />}
      </div>
      <div class="ed-topbar-end">
        <span class="ed-stats">{statsLabel(session.words)}</span>
        <a
          class="ed-btn ed-btn-quiet"
          href={`/admin/articles/${article.id}/preview`}
          target="_blank"
          rel="noopener"
        >
          Preview <Icon name="external" />
          <span class="ed-visually-hidden"> (opens in a new tab)</span>
        </a>
        <button type="button" class="ed-btn ed-btn-quiet" onClick={() => dialogs.open({ kind: 'revisions' })}>
          <Icon name="history" /> History
        </button>
        {primary && (
          <button
            type="button"
            class="ed-btn ed-btn-primary"
            disabled={session.busy !== null}
            onClick={() => startAction(session, dialogs, primary.action)}
          >
            {session.busy === primary.action ? 'Working…' : primary.label}
          </button>
        )}
      </div>
    </header>
  );
}
