import { SiteLayout } from '../../layouts/site-layout.tsx';
import type { SiteInfo } from '../../site-info.ts';

interface Props {
  site: SiteInfo;
  status: number;
  title: string;
  message: string;
}

/** 404s, bad requests and server errors: a helpful page that says what happened and nothing internal. */
export function ProblemPage({ site, status, title, message }: Props) {
  return (
    <SiteLayout site={site} meta={{ title, description: message, path: '/', noindex: true }}>
      <section class="problem">
        <p class="problem-status">Error {status}</p>
        <h1>{title}</h1>
        <p>{message}</p>
        <ul class="problem-links">
          <li>
            <a href="/">Go to the home page</a>
          </li>
          <li>
            <a href="/latest">Read the latest news</a>
          </li>
        </ul>
        {site.sections.length > 0 && (
          <nav aria-label="Browse sections">
            <p>Or browse a section:</p>
            <ul class="problem-sections">
              {site.sections.map((s) => (
                <li>
                  <a href={`/${s.slug}`}>{s.name}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </section>
    </SiteLayout>
  );
}
