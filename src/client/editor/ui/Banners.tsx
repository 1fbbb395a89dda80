import { useEffect, useState } from 'preact/hooks';
import type { EditorSession } from '../session.ts';
import { blockText } from '../text-stats.ts';
import { Icon } from './icons.tsx';

/** Everything in this tab as plain text, so nothing is lost when another version wins. */
function plainCopy(session: EditorSession): string {
  const { fields } = session;
  const body = session.payload(session.saver.version).body.map(blockText).filter(Boolean);
  return [fields.headline, fields.standfirst, ...body].join('\n\n');
}

export function leave(): void {
  window.dispatchEvent(new Event('broadsheet:leaving'));
  location.reload();
}

function ConflictBanner({ session }: { session: EditorSession }) {
  const [copy, setCopy] = useState<'idle' | 'copied' | 'manual'>('idle');
  const copyText = async () => {
    try {
      await navigator.clipboard.writeText(plainCopy(session));
      setCopy('copied');
    } catch {
      setCopy('manual');
    }
  };
  return (
    <div class="ed-banner ed-banner-conflict" role="alert">
      <Icon name="warning" />
      <div class="ed-banner-text">
        <strong>Someone else saved a newer version of this article.</strong> Your latest changes have not been
        saved, and nothing of theirs was overwritten. Copy your text if you need it, then reload to continue
        from their version.
        {copy === 'manual' && (
          <textarea
            class="ed-copy-box"
            readOnly
            rows={5}
            aria-label="Your text, to copy"
            value={plainCopy(session)}
          />
        )}
      </div>
      <div class="ed-banner-actions">
        <button type="button" class="ed-btn" onClick={copyText}>
          {copy === 'copied' ? 'Copied' : 'Copy my text'}
        </button>
        <button type="button" class="ed-btn ed-btn-primary" onClick={leave}>
          Reload latest version
        </button>
      </div>
    </div>
  );
}

function othersText(names: string[]): string {
  if (names.length === 1) return `${names[0]} is also editing this article.`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are also editing this article.`;
  return `${names[0]}, ${names[1]} and ${names.length - 2} more are also editing this article.`;
}

function Notice({ session }: { session: EditorSession }) {
  const notice = session.notice;
  useEffect(() => {
    if (notice?.kind !== 'success') return;
    const timer = setTimeout(() => session.dismissNotice(), 6000);
    return () => clearTimeout(timer);
  }, [notice]);
  if (!notice) return null;
  return (
    <div class={`ed-banner ed-banner-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <Icon name={notice.kind === 'error' ? 'warning' : 'check'} />
      <div class="ed-banner-text">{notice.text}</div>
      <button
        type="button"
        class="ed-icon-btn"
        aria-label="Dismiss message"
        onClick={() => session.dismissNotice()}
      >
        <Icon name="close" />
      </button>
    </div>
  );
}

export function Banners({ session }: { session: EditorSession }) {
  const names = [...new Set(session.others.map((other) => other.name))];
  return (
    <div class="ed-banners">
      {session.saveState.kind === 'conflict' && <ConflictBanner session={session} />}
      {!session.article.permissions.canEdit && (
        <div class="ed-banner ed-banner-info" role="status">
          <Icon name="warning" />
          <div class="ed-banner-text">You can read this article but not change it.</div>
        </div>
      )}
      <div role="status" aria-live="polite">
        {names.length > 0 && (
          <div class="ed-banner ed-banner-presence">
            <Icon name="warning" />
            <div class="ed-banner-text">
              <strong>{othersText(names)}</strong> Changes are saved version by version: if you both save, one
              of you will be asked to reload.
            </div>
          </div>
        )}
      </div>
      <Notice session={session} />
    </div>
  );
}
