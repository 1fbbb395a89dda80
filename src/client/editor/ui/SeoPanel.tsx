import { slugify } from '../../../shared/slug.ts';
import type { EditorSession } from '../session.ts';
import { TextField } from './fields.tsx';
import { Panel } from './Panel.tsx';

/** Address, search and social overrides. Empty means "use the headline and standfirst". */
export function SeoPanel({ session }: { session: EditorSession }) {
  const { fields } = session;
  const disabled = !session.canEdit;
  const slugHint = (
    <>
      {session.article.url ? (
        <>Changing it after publishing keeps the old address working as a redirect. </>
      ) : null}
      <button
        type="button"
        class="ed-link-btn"
        disabled={disabled || !fields.headline.trim()}
        onClick={() => session.update({ slug: slugify(fields.headline) })}
      >
        Make from headline
      </button>
    </>
  );
  return (
    <>
      <Panel title="Address" folded={false}>
        <TextField
          label="Slug"
          value={fields.slug}
          disabled={disabled}
          onValue={(slug) => session.update({ slug })}
          hint={slugHint}
        />
      </Panel>
      <Panel
        title="Search engines"
        folded
        summary={fields.seoTitle || fields.seoDescription ? 'Custom' : 'Automatic'}
      >
        <TextField
          label="SEO title"
          limit={60}
          value={fields.seoTitle}
          disabled={disabled}
          placeholder={fields.headline}
          onValue={(seoTitle) => session.update({ seoTitle })}
        />
        <TextField
          label="SEO description"
          limit={160}
          multiline
          rows={3}
          value={fields.seoDescription}
          disabled={disabled}
          placeholder={fields.standfirst}
          onValue={(seoDescription) => session.update({ seoDescription })}
        />
      </Panel>
      <Panel
        title="Social sharing"
        folded
        summary={fields.socialTitle || fields.socialDescription ? 'Custom' : 'Automatic'}
      >
        <TextField
          label="Social title"
          limit={90}
          value={fields.socialTitle}
          disabled={disabled}
          placeholder={fields.headline}
          onValue={(socialTitle) => session.update({ socialTitle })}
        />
        <TextField
          label="Social description"
          limit={200}
          multiline
          rows={3}
          value={fields.socialDescription}
          disabled={disabled}
          placeholder={fields.standfirst}
          onValue={(socialDescription) => session.update({ socialDescription })}
        />
      </Panel>
    </>
  );
}
