import type {
  ArticleHit,
  AuthorOption,
  EditorArticle,
  MediaItem,
  MediaPage,
  Presence,
  Revision,
  RevisionDiff,
  SaveAnswer,
  SavePayload,
  TagOption,
} from './types.ts';

/** The admin JSON API of docs/admin-api.md. Every change carries the page's CSRF token. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Words for a failure, preferring the server's own message (it knows the limits). */
const fallbackMessages: Record<number, string> = {
  0: 'The server could not be reached. Check your connection; your work is kept in this tab.',
  401: 'Your session has ended. Sign in again in another tab, then come back and save.',
  403: 'You are not allowed to do that.',
  404: 'That no longer exists.',
  409: 'Someone else saved a newer version of this article.',
  413: 'That file is too large to upload.',
  415: 'That file is not a picture we can use.',
};

function csrfToken(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
}

async function errorFrom(response: Response): Promise<ApiError> {
  let code = 'error';
  let message = '';
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object') {
      const fields = body as { code?: unknown; message?: unknown };
      if (typeof fields.code === 'string') code = fields.code;
      if (typeof fields.message === 'string') message = fields.message;
    }
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  const fallback = fallbackMessages[response.status] ?? `The server answered ${response.status}.`;
  return new ApiError(response.status, code, message || fallback);
}

interface Options {
  body?: unknown;
  form?: FormData;
  /** Lets a save finish while the tab closes (only for small bodies: browsers cap keepalive at 64 KB). */
  keepalive?: boolean;
}

export async function request<T>(method: string, path: string, options: Options = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken();
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const keepalive = options.keepalive === true && typeof body === 'string' && body.length < 60_000;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin', keepalive });
  } catch {
    throw new ApiError(0, 'network', fallbackMessages[0] ?? '');
  }
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

const base = '/admin/api';
const q = (value: string) => encodeURIComponent(value);

export const api = {
  article: (id: number) => request<EditorArticle>('GET', `${base}/articles/${id}`),
  save: (id: number, payload: SavePayload, keepalive = false) =>
    request<SaveAnswer>('PUT', `${base}/articles/${id}`, { body: payload, keepalive }),
  submit: (id: number, version: number) =>
    request<EditorArticle>('POST', `${base}/articles/${id}/submit`, { body: { version } }),
  publish: (id: number, version: number, updateNote?: string) =>
    request<EditorArticle>('POST', `${base}/articles/${id}/publish`, {
      body: updateNote ? { version, updateNote } : { version },
    }),
  schedule: (id: number, version: number, at: string) =>
    request<EditorArticle>('POST', `${base}/articles/${id}/schedule`, { body: { version, at } }),
  unpublish: (id: number, version: number) =>
    request<EditorArticle>('POST', `${base}/articles/${id}/unpublish`, { body: { version } }),
  correct: (id: number, text: string) =>
    request<EditorArticle>('POST', `${base}/articles/${id}/corrections`, { body: { text } }),
  revisions: (id: number) => request<Revision[]>('GET', `${base}/articles/${id}/revisions`),
  diff: (id: number, version: number) =>
    request<RevisionDiff>('GET', `${base}/articles/${id}/revisions/${version}/diff`),
  restore: (id: number, revision: number, version: number) =>
    request<EditorArticle>('POST', `${base}/articles/${id}/revisions/${revision}/restore`, {
      body: { version },
    }),
  presence: (id: number) => request<Presence>('POST', `${base}/articles/${id}/presence`),
  searchArticles: (text: string) => request<ArticleHit[]>('GET', `${base}/articles/search?q=${q(text)}`),
  media: (text: string, page: number) => request<MediaPage>('GET', `${base}/media?q=${q(text)}&page=${page}`),
  upload: (form: FormData) => request<MediaItem>('POST', `${base}/media`, { form }),
  updateMedia: (
    id: number,
    changes: Partial<Pick<MediaItem, 'alt' | 'caption' | 'credit' | 'focalX' | 'focalY'>>,
  ) => request<MediaItem>('PATCH', `${base}/media/${id}`, { body: changes }),
  authors: () => request<AuthorOption[]>('GET', `${base}/authors`),
  tags: (text: string) => request<TagOption[]>('GET', `${base}/tags?q=${q(text)}`),
};

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong in the editor. Reload the page; your last saved version is safe.';
}
