import type { FastifyInstance } from 'fastify';
import type { App } from '../../src/app/wire.ts';
import type { EditorArticle } from '../../src/modules/articles/index.ts';
import type { Role } from '../../src/modules/users/index.ts';

interface Answer {
  status: number;
  body: string;
  headers: Record<string, unknown>;
  json<T = Record<string, unknown>>(): T;
}

/** A browser-like client for inject(): keeps cookies, fills CSRF tokens, speaks forms and JSON. */
export class AdminClient {
  private readonly cookies = new Map<string, string>();
  csrf = '';

  constructor(private readonly server: FastifyInstance) {}

  async request(
    method: string,
    url: string,
    options: {
      json?: unknown;
      form?: Record<string, string>;
      headers?: Record<string, string>;
      payload?: Buffer | string;
    } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let payload: string | Buffer | undefined = options.payload;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(options.json);
    }
    if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      payload = new URLSearchParams(options.form).toString();
    }
    const res = await this.server.inject({ method: method as 'GET', url, headers, payload });
    const setCookies = res.headers['set-cookie'];
    for (const line of Array.isArray(setCookies) ? setCookies : setCookies ? [setCookies] : []) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      const expired = attributes.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim()));
      if (expired || value === '') this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return {
      status: res.statusCode,
      body: res.body,
      headers: res.headers,
      json: <T>() => JSON.parse(res.body) as T,
    };
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  /** Fills in a pre-session form (sign-in, setup, reset) the way a browser would. */
  async submitForm(url: string, fields: Record<string, string>): Promise<Answer> {
    const page = await this.request('GET', url);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    return this.request('POST', url, { form: { _csrf: token, ...fields } });
  }

  async signIn(email: string, password: string): Promise<Answer> {
    const res = await this.submitForm('/admin/sign-in', { email, password });
    if (res.status === 303) await this.refreshCsrf();
    return res;
  }

  async refreshCsrf(): Promise<void> {
    const page = await this.request('GET', '/admin');
    this.csrf = /<meta name="csrf-token" content="([^"]+)"/.exec(page.body)?.[1] ?? '';
  }

  api(method: string, url: string, json?: unknown): Promise<Answer> {
    return this.request(method, url, { json, headers: { 'x-csrf-token': this.csrf } });
  }
}

let userCounter = 0;

/** Creates an account with `role` and a signed-in client for it. */
export async function signedIn(app: App, server: FastifyInstance, role: Role, authorSlug?: string) {
  const n = ++userCounter;
  const email = `${role}${n}.${process.pid}@example.org`;
  const password = 'correct horse battery staple';
  const author = authorSlug ? await app.authors.getBySlug(authorSlug) : undefined;
  const user = await app.users.createUser({
    email,
    name: `${role[0]?.toUpperCase()}${role.slice(1)} ${n}`,
    role,
    password,
    authorId: author?.id ?? null,
  });
  const client = new AdminClient(server);
  const res = await client.signIn(email, password);
  if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`);
  return { client, user, email, password };
}

/** The fields the editor saves, from what the editor API returns. */
export function editable(a: EditorArticle) {
  return {
    version: a.version,
    headline: a.headline,
    standfirst: a.standfirst,
    label: a.label,
    sectionId: a.sectionId,
    tags: a.tags,
    authorIds: a.authors.map((author) => author.id),
    leadMediaId: a.leadMedia?.id ?? null,
    slug: a.slug,
    seoTitle: a.seoTitle,
    seoDescription: a.seoDescription,
    socialTitle: a.socialTitle,
    socialDescription: a.socialDescription,
    embargoUntil: a.embargoUntil,
    body: a.body,
  };
}
