import type { ArticleStatus, DashboardRow } from '../../../modules/articles/index.ts';
import { formatDateline } from '../../../shared/dates.ts';

export const statusNames: Record<ArticleStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
};

interface Props {
  rows: DashboardRow[];
  status: ArticleStatus | undefined;
  q: string;
  csrf: string;
  timeZone: string;
  canCreate: boolean;
}

export function DashboardPage({ rows, status, q, csrf, timeZone, canCreate }: Props) {
  const tabs: (ArticleStatus | undefined)[] = [
    undefined,
    'draft',
    'in_review',
    'scheduled',
    'published',
    'unpublished',
  ];
  return (
    <>
      <div class="page-head">
        <h1>Articles</h1>
        {canCreate && (
          <form method="post" action="/admin/articles">
            <input type="hidden" name="_csrf" value={csrf} />
            <button type="submit" class="button primary">
              New article
            </button>
          </form>
        )}
      </div>
      <nav class="tabs" aria-label="Filter by status">
        {tabs.map((tab) => (
          <a
            href={tab ? `/admin?status=${tab}` : '/admin'}
            aria-current={tab === status ? 'page' : undefined}
          >
            {tab ? statusNames[tab] : 'All'}
          </a>
        ))}
      </nav>
      <form method="get" action="/admin" class="search-row">
        {status && <input type="hidden" name="status" value={status} />}
        <label for="q" class="visually-hidden">
          Search headlines
        </label>
        <input id="q" name="q" type="search" value={q} placeholder="Search headlines" />
        <button type="submit" class="button">
          Search
        </button>
      </form>
      {rows.length === 0 ? (
        <p class="empty">No articles here yet.</p>
      ) : (
        <table class="article-table">
          <thead>
            <tr>
              <th scope="col">Headline</th>
              <th scope="col">Status</th>
              <th scope="col">Section</th>
              <th scope="col">Bylines</th>
              <th scope="col">Last change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <td>
                  <a class="row-title" href={`/admin/articles/${row.id}`}>
                    {row.headline || 'Untitled draft'}
                  </a>
                  {row.status === 'published' && (
                    <span class="row-links">
                      <a class="row-live" href={row.url} target="_blank" rel="noopener">
                        View live
                      </a>
                      <a class="row-live" href={`/admin/articles/${row.id}/insights`}>
                        Readers and related stories
                      </a>
                    </span>
                  )}
                </td>
                <td>
                  <span class={`status status-${row.status}`}>{statusNames[row.status]}</span>
                  {row.hasPendingChanges && <span class="status status-pending">Unpublished changes</span>}
                  {row.scheduledFor && row.status === 'scheduled' && (
                    <span class="row-note">{formatDateline(row.scheduledFor, timeZone)}</span>
                  )}
                </td>
                <td>{row.section}</td>
                <td>{row.authors.join(', ')}</td>
                <td>
                  <time dateTime={row.modifiedAt.toISOString()}>
                    {formatDateline(row.modifiedAt, timeZone)}
                  </time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
