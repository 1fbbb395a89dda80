import type { ArticleListing, ListPosition } from '../../modules/articles/index.ts';

interface Props {
  basePath: string;
  listing: Pick<ArticleListing, 'position' | 'newer' | 'older'>;
}

/** The address of a position in a listing: `/politics`, `/politics?page=3`, `/politics?before=1234`. */
export function pageHref(basePath: string, position: ListPosition): string {
  if ('before' in position) return `${basePath}?before=${position.before}`;
  if ('after' in position) return `${basePath}?after=${position.after}`;
  return position.page <= 1 ? basePath : `${basePath}?page=${position.page}`;
}

/** "← Newer · Page 3 · Older →": numbered near the top, "Older stories" once past the numbered pages. */
export function Pagination({ basePath, listing }: Props) {
  const { position, newer, older } = listing;
  if (!newer && !older) return null;
  return (
    <nav class="pagination" aria-label="Pages">
      {newer ? (
        <a rel="prev" href={pageHref(basePath, newer)}>
          ← Newer
        </a>
      ) : (
        <span />
      )}
      <span class="pagination-status">{'page' in position ? `Page ${position.page}` : 'Older stories'}</span>
      {older ? (
        <a rel="next" href={pageHref(basePath, older)}>
          Older →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
