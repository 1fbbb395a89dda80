import type { ArticleCard, Page } from '../../../modules/articles/index.ts';
import type { AudioState, AudioStatus, VoiceInfo } from '../../../modules/audio/index.ts';
import { formatDateline } from '../../../shared/dates.ts';
import { spokenDuration } from '../../components/audio-player.tsx';

export type AudioRow = AudioStatus & { article: ArticleCard };

interface Props {
  list: Page<AudioRow>;
  engine: string;
  voice: string;
  voices: readonly VoiceInfo[];
  csrf: string;
  timeZone: string;
  canChooseVoice: boolean;
  canRegenerate: boolean;
  notice?: string;
}

const stateNames: Record<AudioState, string> = {
  none: 'No audio',
  pending: 'Being recorded',
  ready: 'Ready',
  failed: 'Failed',
};
const stateClass: Record<AudioState, string> = {
  none: 'status',
  pending: 'status status-pending',
  ready: 'status status-published',
  failed: 'status status-unpublished',
};

/** admin.css belongs to the newsroom shell; these few cells must not wrap. */
const nowrap = { whiteSpace: 'nowrap' } as const;

function StateCell({ row, timeZone }: { row: AudioRow; timeZone: string }) {
  return (
    <>
      <span class={stateClass[row.state]} style={nowrap}>
        {stateNames[row.state]}
      </span>
      {row.state === 'pending' && row.attempts > 0 && (
        <span class="row-note">
          Attempt {row.attempts} failed; retrying
          {row.nextRunAt ? ` at ${formatDateline(row.nextRunAt, timeZone).replace(/^.*, /, '')}` : ''}
        </span>
      )}
      {row.lastError && row.state !== 'ready' && <span class="row-note audio-error">{row.lastError}</span>}
      {row.track && !row.current && row.state !== 'ready' && (
        <span class="row-note">The last recording is of an earlier version and is not shown to readers.</span>
      )}
    </>
  );
}

/** The newsroom's view of "Listen to this article": which stories have audio, what failed, which voice. */
export function AudioPage({
  list,
  engine,
  voice,
  voices,
  csrf,
  timeZone,
  canChooseVoice,
  canRegenerate,
  notice,
}: Props) {
  const pageHref = (n: number) => (n === 1 ? '/admin/audio' : `/admin/audio?page=${n}`);
  return (
    <>
      <div class="page-head">
        <h1>Audio</h1>
      </div>
      <p class="intro">
        Every published article is read aloud by the {engine} speech engine and offered to readers as "Listen
        to this article" and in the <a href="/audio/feed.xml">podcast feed</a>. Recordings are made in the
        background after publishing and whenever the words change; failures are retried automatically.
      </p>
      {notice && (
        <p class="form-notice" role="status">
          {notice}
        </p>
      )}
      {canChooseVoice ? (
        <form method="post" action="/admin/audio/voice" class="inline-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <div class="field">
            <label for="audio-voice">Site voice</label>
            <select id="audio-voice" name="voice">
              {voices.map((v) => (
                <option value={v.id} selected={v.id === voice}>
                  {v.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button primary">
            Use this voice
          </button>
          <p class="hint">Changing the voice records every article again, in the background.</p>
        </form>
      ) : (
        <p>
          Site voice: <strong>{voices.find((v) => v.id === voice)?.label ?? voice}</strong>
        </p>
      )}
      {list.items.length === 0 ? (
        <p class="empty">No published articles yet.</p>
      ) : (
        <table class="article-table audio-table">
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col">Audio</th>
              <th scope="col">Length</th>
              <th scope="col">Recorded</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((row) => (
              <tr id={`audio-${row.articleId}`}>
                <td>
                  <a class="row-title" href={row.article.url} target="_blank" rel="noopener">
                    {row.article.headline}
                  </a>
                  <span class="row-note">{row.article.section.name}</span>
                </td>
                <td class="audio-state">
                  <StateCell row={row} timeZone={timeZone} />
                </td>
                <td style={nowrap}>{row.track ? spokenDuration(row.track.durationMs).text : '—'}</td>
                <td>
                  {row.track ? (
                    <>
                      <time dateTime={row.track.createdAt.toISOString()}>
                        {formatDateline(row.track.createdAt, timeZone)}
                      </time>
                      <span class="row-note">
                        {row.track.voice} · made in {(row.track.synthesisMs / 1000).toFixed(1)} s
                      </span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  {canRegenerate && (
                    <form method="post" action={`/admin/audio/${row.articleId}/regenerate`}>
                      <input type="hidden" name="_csrf" value={csrf} />
                      <input type="hidden" name="page" value={String(list.page)} />
                      <button type="submit" class="button small">
                        {row.track ? 'Re-record' : 'Record'}
                        <span class="visually-hidden">: {row.article.headline}</span>
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.pageCount > 1 && (
        <nav class="pager" aria-label="Pages">
          {list.page > 1 && <a href={pageHref(list.page - 1)}>Newer</a>}
          <span>
            Page {list.page} of {list.pageCount}
          </span>
          {list.page < list.pageCount && <a href={pageHref(list.page + 1)}>Older</a>}
        </nav>
      )}
    </>
  );
}
