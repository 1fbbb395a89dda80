import type { ComponentChildren } from 'preact';
import { roleNames, type User } from '../../modules/users/index.ts';

interface Props {
  title: string;
  siteName: string;
  stylesheets: string[];
  scripts?: string[];
  me?: User;
  csrf?: string;
  active?: 'dashboard' | 'media' | 'home' | 'users' | 'audio' | 'breaking';
  children: ComponentChildren;
  /** Data for a browser island, in a JSON data block (never executed, so CSP allows it). */
  data?: { id: string; value: unknown };
}

function json(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The newsroom's frame: who is signed in, where to go, how to leave. Never indexed, never cached. */
export function AdminLayout(props: Props) {
  const { me, csrf, active } = props;
  const canCurate = me && (me.role === 'editor' || me.role === 'administrator');
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${props.title} · ${props.siteName} newsroom`}</title>
        {csrf && <meta name="csrf-token" content={csrf} />}
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        {props.stylesheets.map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
        {props.data && (
          <script
            type="application/json"
            id={props.data.id}
            dangerouslySetInnerHTML={{ __html: json(props.data.value) }}
          />
        )}
      </head>
      <body class="admin">
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        {me && (
          <header class="admin-bar">
            <a class="admin-brand" href="/admin">
              {props.siteName} <span>newsroom</span>
            </a>
            <nav aria-label="Newsroom">
              <ul>
                <li>
                  <a href="/admin" aria-current={active === 'dashboard' ? 'page' : undefined}>
                    Articles
                  </a>
                </li>
                <li>
                  <a href="/admin/media" aria-current={active === 'media' ? 'page' : undefined}>
                    Media
                  </a>
                </li>
                <li>
                  <a href="/admin/live">Live</a>
                </li>
                <li>
                  <a href="/admin/audio" aria-current={active === 'audio' ? 'page' : undefined}>
                    Audio
                  </a>
                </li>
                {canCurate && (
                  <li>
                    <a href="/admin/home" aria-current={active === 'home' ? 'page' : undefined}>
                      Home page
                    </a>
                  </li>
                )}
                {canCurate && (
                  <li>
                    <a href="/admin/breaking" aria-current={active === 'breaking' ? 'page' : undefined}>
                      Breaking
                    </a>
                  </li>
                )}
                {me.role === 'administrator' && (
                  <li>
                    <a href="/admin/users" aria-current={active === 'users' ? 'page' : undefined}>
                      People
                    </a>
                  </li>
                )}
                <li>
                  <a href="/" target="_blank" rel="noopener">
                    View site
                  </a>
                </li>
              </ul>
            </nav>
            <div class="admin-account">
              <span class="admin-me">
                {me.name} <span class="role">{roleNames[me.role]}</span>
              </span>
              <form method="post" action="/admin/sign-out">
                <input type="hidden" name="_csrf" value={csrf} />
                <button type="submit" class="link-button">
                  Sign out
                </button>
              </form>
              <form method="post" action="/admin/sign-out-everywhere">
                <input type="hidden" name="_csrf" value={csrf} />
                <button type="submit" class="link-button" title="Ends your sessions on every device">
                  Sign out everywhere
                </button>
              </form>
            </div>
          </header>
        )}
        <main id="main" class="admin-main" tabIndex={-1}>
          {props.children}
        </main>
        {props.scripts?.map((src) => (
          <script type="module" src={src} />
        ))}
      </body>
    </html>
  );
}
