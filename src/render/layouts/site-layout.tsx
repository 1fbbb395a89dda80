import type { ComponentChildren } from 'preact';
import { formatToday } from '../../shared/dates.ts';
import { BreakingBanner } from '../components/breaking-banner.tsx';
import { PushOptIn } from '../components/push-optin.tsx';
import { MastheadSearch } from '../components/search-form.tsx';
import { Document } from '../document.tsx';
import type { PageMeta, SiteInfo } from '../site-info.ts';

interface Props {
  site: SiteInfo;
  meta: PageMeta;
  /** Section slug to mark as current in the navigation. */
  current?: string;
  /** Live topics besides `site` (every page follows it), e.g. `liveblog:12` on a live blog. */
  liveTopics?: string[];
  children: ComponentChildren;
}

export function SiteLayout({ site, meta, current, liveTopics, children }: Props) {
  const today = formatToday(site.now, site.timeZone);
  return (
    <Document site={site} meta={meta}>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <BreakingBanner banner={site.breaking} />
      <header class="masthead">
        <div class="masthead-inner">
          <p class="masthead-date">{today}</p>
          <a class="wordmark" href="/" aria-label={`${site.name}, home page`}>
            {site.name}
          </a>
          <div class="masthead-aside">
            <p class="masthead-tagline">Independent news, as it happens</p>
            <MastheadSearch site={site} />
          </div>
        </div>
        <nav class="site-nav" aria-label="Sections">
          <ul>
            <li>
              <a href="/" aria-current={current === 'home' ? 'page' : undefined}>
                Home
              </a>
            </li>
            <li>
              <a href="/latest" aria-current={current === 'latest' ? 'page' : undefined}>
                Latest
              </a>
            </li>
            {site.sections.map((section) => (
              <li>
                <a href={`/${section.slug}`} aria-current={current === section.slug ? 'page' : undefined}>
                  {section.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main
        id="main"
        tabIndex={-1}
        data-live-topics={['site', ...(liveTopics ?? [])].join(' ')}
        data-live-since={site.liveSince === undefined ? undefined : String(site.liveSince)}
      >
        {children}
      </main>
      <footer class="site-footer">
        <div class="footer-inner">
          <p class="wordmark wordmark-small">{site.name}</p>
          <nav aria-label="Footer">
            <ul>
              {site.sections.map((section) => (
                <li>
                  <a href={`/${section.slug}`}>{section.name}</a>
                </li>
              ))}
              <li>
                <a href="/latest">All the latest news</a>
              </li>
            </ul>
          </nav>
          <PushOptIn script={site.scripts?.pushOptIn} />
          <p class="footer-note">Published with Broadsheet, open-source newsroom software.</p>
        </div>
      </footer>
      {site.scripts?.breaking && <script type="module" src={site.scripts.breaking} />}
      {site.scripts?.live && <script type="module" src={site.scripts.live} />}
    </Document>
  );
}
