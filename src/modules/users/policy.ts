import type { Actor, Role } from './user.ts';

/**
 * Who may do what. Deny by default: an action missing from the table is refused for everyone.
 * "own" means the actor created the article. Services call `can` before every change.
 */
export const actions = [
  'article.create',
  'article.edit',
  'article.submit',
  'article.publish',
  'article.unpublish',
  'article.correct',
  'home.curate',
  'liveblog.post',
  'liveblog.manage',
  'media.upload',
  'media.edit',
  'audit.view',
  'users.manage',
  'settings.manage',
  /** Send a Web Push alert about a published story to every reader who opted in. */
  'push.send',
] as const;
export type Action = (typeof actions)[number];

type Rule = 'any' | 'own' | 'own-unpublished' | 'never';

const table: Record<Role, Partial<Record<Action, Rule>>> = {
  contributor: {
    'article.create': 'any',
    'article.edit': 'own-unpublished',
    'article.submit': 'own',
    'media.upload': 'any',
    'media.edit': 'any',
  },
  reporter: {
    'article.create': 'any',
    'article.edit': 'own',
    'article.submit': 'own',
    'article.publish': 'own',
    'article.unpublish': 'own',
    'article.correct': 'own',
    'liveblog.post': 'any',
    'media.upload': 'any',
    'media.edit': 'any',
  },
  editor: {
    'article.create': 'any',
    'article.edit': 'any',
    'article.submit': 'any',
    'article.publish': 'any',
    'article.unpublish': 'any',
    'article.correct': 'any',
    'home.curate': 'any',
    'liveblog.post': 'any',
    'liveblog.manage': 'any',
    'media.upload': 'any',
    'media.edit': 'any',
    'audit.view': 'any',
    'push.send': 'any',
  },
  administrator: Object.fromEntries(
    [
      'article.create',
      'article.edit',
      'article.submit',
      'article.publish',
      'article.unpublish',
      'article.correct',
    ]
      .concat(['home.curate', 'liveblog.post', 'liveblog.manage', 'media.upload', 'media.edit', 'audit.view'])
      .concat(['users.manage', 'settings.manage', 'push.send'])
      .map((a) => [a, 'any']),
  ) as Partial<Record<Action, Rule>>,
};

export interface ArticleResource {
  createdBy: number | null;
  status: string;
}

export function can(actor: Actor, action: Action, article?: ArticleResource): boolean {
  if (actor.kind === 'system') return true;
  const rule = table[actor.role][action] ?? 'never';
  switch (rule) {
    case 'any':
      return true;
    case 'never':
      return false;
    case 'own':
      return article !== undefined && article.createdBy === actor.userId;
    case 'own-unpublished':
      return (
        article !== undefined &&
        article.createdBy === actor.userId &&
        (article.status === 'draft' || article.status === 'in_review')
      );
  }
}
