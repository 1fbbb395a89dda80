interface Props {
  basePath: string;
  page: number;
  pageCount: number;
}

export function pageHref(basePath: string, page: number): string {
  return page <= 1 ? basePath : `${basePath}?page=${page}`;
}

export function Pagination({ basePath, page, pageCount }: Props) {
  if (pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label="Pages">
      {page > 1 ? (
        <a rel="prev" href={pageHref(basePath, page - 1)}>
          ← Newer
        </a>
      ) : (
        <span />
      )}
      <span class="pagination-status">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <a rel="next" href={pageHref(basePath, page + 1)}>
          Older →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
