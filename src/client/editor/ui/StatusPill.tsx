import type { ArticleStatus } from '../types.ts';

export const statusNames: Record<ArticleStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
};

export function StatusPill({ status }: { status: ArticleStatus | string }) {
  const name = statusNames[status as ArticleStatus] ?? status;
  return <span class={`ed-pill ed-pill-${status}`}>{name}</span>;
}
