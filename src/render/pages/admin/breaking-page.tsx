import type { BannerField, BannerRecord } from '../../../modules/breaking/index.ts';
import { maxTextLength } from '../../../modules/breaking/index.ts';
import { formatDateline } from '../../../shared/dates.ts';

/** The expiry choices the form offers, in minutes ('' = until cleared). */
export const expiryChoices: readonly { minutes: number | null; label: string }[] = [
  { minutes: null, label: 'Until I take it down' },
  { minutes: 30, label: 'In 30 minutes' },
  { minutes: 60, label: 'In 1 hour' },
  { minutes: 120, label: 'In 2 hours' },
  { minutes: 240, label: 'In 4 hours' },
  { minutes: 480, label: 'In 8 hours' },
  { minutes: 1440, label: 'In 24 hours' },
];

export interface BreakingForm {
  text: string;
  link: string;
  expires: string;
}

/** A rejected submission: the message, the field it is about, and what was typed (nothing is lost). */
export interface BreakingPageError {
  message: string;
  field?: BannerField;
  form: BreakingForm;
}

interface Props {
  active: BannerRecord | null;
  recent: BannerRecord[];
  csrf: string;
  timeZone: string;
  notice?: string;
  error?: BreakingPageError;
}

const endings: Record<NonNullable<BannerRecord['clearedReason']>, string> = {
  cleared: 'Taken down',
  replaced: 'Replaced',
  expired: 'Expired',
};

/** The banner as readers see it, at the newsroom's scale (admin.css has no banner styles of its own). */
const previewStyle = {
  background: '#b00020',
  color: '#ffffff',
  padding: '0.75rem 1rem',
  borderRadius: '6px',
  fontWeight: 600,
  margin: '0 0 0.75rem',
} as const;
const kickerStyle = {
  display: 'inline-block',
  border: '2px solid currentColor',
  padding: '0.15rem 0.4rem',
  marginRight: '0.6rem',
  fontSize: '0.75rem',
  letterSpacing: '0.08em',
  textTransform: 'uppercase',
} as const;

function Current({ active, csrf, timeZone }: { active: BannerRecord; csrf: string; timeZone: string }) {
  return (
    <section class="panel" aria-labelledby="breaking-now">
      <h2 id="breaking-now">Showing now</h2>
      <p style={previewStyle}>
        <span style={kickerStyle}>Breaking</span>
        <a href={active.href} style={{ color: 'inherit' }}>
          {active.text}
        </a>
      </p>
      <p class="hint">
        Put up {formatDateline(active.createdAt, timeZone)}
        {active.createdByName ? ` by ${active.createdByName}` : ''}.{' '}
        {active.expiresAt
          ? `Comes down by itself at ${formatDateline(new Date(active.expiresAt), timeZone)}.`
          : 'Stays up until someone takes it down.'}
      </p>
      <form method="post" action="/admin/breaking/clear" class="inline-form" style={{ marginTop: '1rem' }}>
        <input type="hidden" name="_csrf" value={csrf} />
        <button type="submit" class="button">
          Take the banner down
        </button>
      </form>
    </section>
  );
}

function SetForm({
  csrf,
  replacing,
  error,
}: {
  csrf: string;
  replacing: boolean;
  error?: BreakingPageError;
}) {
  const form = error?.form ?? { text: '', link: '', expires: '' };
  /** The field the error is about points at the message; it is read out with the field. */
  const invalid = (field: BannerField, hint?: string) =>
    error?.field === field
      ? {
          'aria-invalid': 'true' as const,
          'aria-describedby': ['breaking-error', hint].filter(Boolean).join(' '),
        }
      : { 'aria-describedby': hint };
  return (
    <section class="panel" aria-labelledby="breaking-set">
      <h2 id="breaking-set">{replacing ? 'Replace the banner' : 'Put up a banner'}</h2>
      <form method="post" action="/admin/breaking" class="stack" style={{ maxWidth: '44rem' }} novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        {error && (
          <p class="form-error" role="alert" id="breaking-error">
            {error.message}
          </p>
        )}
        <div class="field">
          <label for="breaking-text">Breaking news line</label>
          <input
            id="breaking-text"
            name="text"
            type="text"
            required
            maxLength={maxTextLength}
            value={form.text}
            {...invalid('text', 'breaking-text-hint')}
          />
          <p class="hint" id="breaking-text-hint">
            One line, up to {maxTextLength} characters, e.g. "Prime minister calls early general election".
          </p>
        </div>
        <div class="field">
          <label for="breaking-link">Link</label>
          <input
            id="breaking-link"
            name="link"
            type="text"
            inputMode="url"
            required
            value={form.link}
            {...invalid('link', 'breaking-link-hint')}
          />
          <p class="hint" id="breaking-link-hint">
            One of our published articles (paste its address, or a path such as /politics/the-story), or an
            https:// address elsewhere.
          </p>
        </div>
        <div class="field">
          <label for="breaking-expires">Comes down</label>
          <select id="breaking-expires" name="expires" {...invalid('expires')}>
            {expiryChoices.map((choice) => {
              const value = choice.minutes === null ? '' : String(choice.minutes);
              return (
                <option value={value} selected={value === form.expires}>
                  {choice.label}
                </option>
              );
            })}
          </select>
        </div>
        <p>
          <button type="submit" class="button primary">
            {replacing ? 'Replace the banner' : 'Put up the banner'}
          </button>
        </p>
        <p class="hint">
          The banner appears at the top of every page of the site at once, including pages readers already
          have open.
        </p>
      </form>
    </section>
  );
}

/** Editors put up, replace and take down the breaking-news banner. Works as plain forms. */
export function BreakingPage({ active, recent, csrf, timeZone, notice, error }: Props) {
  const past = recent.filter((banner) => banner.id !== active?.id);
  return (
    <>
      <div class="page-head">
        <h1>Breaking news</h1>
      </div>
      <p class="intro">
        A banner across the top of every page of the site, for the biggest stories only. Readers can dismiss
        it; a new banner shows again.
      </p>
      {notice && (
        <p class="form-notice" role="status">
          {notice}
        </p>
      )}
      {active ? (
        <Current active={active} csrf={csrf} timeZone={timeZone} />
      ) : (
        <p class="empty">No banner is showing.</p>
      )}
      <SetForm csrf={csrf} replacing={active !== null} error={error} />
      {past.length > 0 && (
        <section class="panel" aria-labelledby="breaking-recent">
          <h2 id="breaking-recent">Recent banners</h2>
          <table class="article-table">
            <thead>
              <tr>
                <th scope="col">Banner</th>
                <th scope="col">Put up</th>
                <th scope="col">Ended</th>
              </tr>
            </thead>
            <tbody>
              {past.map((banner) => (
                <tr>
                  <td>
                    <a href={banner.href}>{banner.text}</a>
                  </td>
                  <td>
                    {formatDateline(banner.createdAt, timeZone)}
                    {banner.createdByName && <span class="row-note">by {banner.createdByName}</span>}
                  </td>
                  <td>
                    {banner.clearedReason ? endings[banner.clearedReason] : 'Expired'}
                    {banner.clearedAt && (
                      <span class="row-note">
                        {formatDateline(banner.clearedAt, timeZone)}
                        {banner.clearedByName ? ` by ${banner.clearedByName}` : ''}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
