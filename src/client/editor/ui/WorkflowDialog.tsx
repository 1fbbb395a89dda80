import { useState } from 'preact/hooks';
import type { EditorSession } from '../session.ts';
import { isoToLocalInput, localInputToIso, zoneName } from '../time.ts';
import type { WorkflowAction } from './dialogs.ts';
import { Modal } from './Modal.tsx';

const inOneHour = () => new Date(Date.now() + 3_600_000).toISOString();

interface Props {
  action: WorkflowAction;
  session: EditorSession;
  onClose(): void;
}

/** Confirms a workflow action, collects what it needs (a time, a note), and shows the server's refusal. */
export function WorkflowDialog({ action, session, onClose }: Props) {
  const article = session.article;
  const [text, setText] = useState('');
  const [when, setWhen] = useState(isoToLocalInput(article.scheduledFor ?? inOneHour(), session.timeZone));
  const [error, setError] = useState('');
  const id = article.id;
  const api = session.api;

  const steps: Record<WorkflowAction, { title: string; button: string; run(): Promise<boolean> | null }> = {
    publish: {
      title: 'Publish now?',
      button: 'Publish now',
      run: () => session.run('publish', (v) => api.publish(id, v), 'Published. It is on the site now.'),
    },
    update: {
      title: 'Publish update',
      button: 'Publish update',
      run: () =>
        session.run('publish', (v) => api.publish(id, v, text.trim() || undefined), 'Update published.'),
    },
    schedule: {
      title: 'Schedule publication',
      button: 'Schedule',
      run: () => {
        const at = localInputToIso(when, session.timeZone);
        if (!at) return null;
        return session.run('schedule', (v) => api.schedule(id, v, at), 'Scheduled.');
      },
    },
    unpublish: {
      title: 'Unpublish this article?',
      button: 'Unpublish',
      run: () =>
        session.run('unpublish', (v) => api.unpublish(id, v), 'Unpublished. Readers no longer see it.'),
    },
    correction: {
      title: 'Add a correction',
      button: 'Add correction',
      run: () =>
        text.trim()
          ? session.run('correction', () => api.correct(id, text.trim()), 'Correction added.')
          : null,
    },
  };
  const step = steps[action];

  const submit = async (event: Event) => {
    event.preventDefault();
    setError('');
    const running = step.run();
    if (!running)
      return setError(action === 'schedule' ? 'Choose a date and time.' : 'Write the correction first.');
    if (await running) onClose();
    else {
      const state = session.saveState;
      setError(state.kind === 'conflict' ? state.message : (session.notice?.text ?? 'That did not work.'));
    }
  };

  return (
    <Modal title={step.title} onClose={onClose} size="small">
      <form class="ed-form" onSubmit={submit}>
        {action === 'publish' && <p>It will appear on the site straight away, in its section and feeds.</p>}
        {action === 'unpublish' && (
          <p>Readers will no longer see it. Links to it will stop working until it is published again.</p>
        )}
        {action === 'update' && (
          <label class="ed-field">
            <span class="ed-field-label">Update note for readers (optional)</span>
            <textarea
              rows={3}
              value={text}
              data-autofocus
              onInput={(e) => setText(e.currentTarget.value)}
              placeholder="e.g. This article has been updated with the minister’s response."
            />
            <span class="ed-hint">
              With a note, readers see “Updated” and the note. Leave it empty for a small fix.
            </span>
          </label>
        )}
        {action === 'correction' && (
          <label class="ed-field">
            <span class="ed-field-label">Correction</span>
            <textarea
              rows={4}
              value={text}
              data-autofocus
              onInput={(e) => setText(e.currentTarget.value)}
              placeholder="An earlier version of this article said… In fact…"
            />
            <span class="ed-hint">Shown at the foot of the article with today’s date.</span>
          </label>
        )}
        {action === 'schedule' && (
          <label class="ed-field">
            <span class="ed-field-label">Publish at</span>
            <input
              type="datetime-local"
              value={when}
              data-autofocus
              onInput={(e) => setWhen(e.currentTarget.value)}
            />
            <span class="ed-hint">Time zone: {zoneName(session.timeZone)}.</span>
          </label>
        )}
        {error && (
          <p class="ed-error-box" role="alert">
            {error}
          </p>
        )}
        <div class="ed-form-actions">
          <button type="button" class="ed-btn ed-btn-quiet" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            class={`ed-btn ${action === 'unpublish' ? 'ed-btn-danger' : 'ed-btn-primary'}`}
            disabled={session.busy !== null}
          >
            {session.busy ? 'Working…' : step.button}
          </button>
        </div>
      </form>
    </Modal>
  );
}
