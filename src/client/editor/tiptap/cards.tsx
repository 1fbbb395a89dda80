import { providerNames } from '../embeds.ts';
import { fallbackThumb } from '../lookups.ts';
import type { EditorServices } from '../services.ts';
import type { EmbedProvider } from '../types.ts';
import { TextField } from '../ui/fields.tsx';
import { useSubscription } from '../ui/hooks.ts';
import { Icon, type IconName } from '../ui/icons.tsx';
import type { CardApi } from './node-view.ts';

/** The chrome of the body's cards: a labelled header with move and remove buttons, then the card's fields. */

interface CardProps {
  api: CardApi;
  services: EditorServices | null;
}

/** Empty inputs mean "not set", so the library's (or the default) value applies. */
const orNull = (value: string) => (value === '' ? null : value);
const attr = (api: CardApi, name: string): string | null => {
  const value: unknown = api.node.attrs[name];
  return typeof value === 'string' ? value : null;
};
const numberAttr = (api: CardApi, name: string): number => Number(api.node.attrs[name]) || 0;

function CardHeader({
  api,
  icon,
  label,
  noun,
}: {
  api: CardApi;
  icon: IconName;
  label: string;
  noun: string;
}) {
  return (
    <div class="ed-card-head">
      <span class="ed-card-label">
        <Icon name={icon} />
        {label}
      </span>
      <span class="ed-card-actions">
        <button
          type="button"
          class="ed-icon-btn"
          data-action="up"
          aria-label={`Move ${noun} up`}
          title="Move up"
          disabled={!api.editable}
          onClick={() => api.move(-1)}
        >
          <Icon name="up" />
        </button>
        <button
          type="button"
          class="ed-icon-btn"
          data-action="down"
          aria-label={`Move ${noun} down`}
          title="Move down"
          disabled={!api.editable}
          onClick={() => api.move(1)}
        >
          <Icon name="down" />
        </button>
        <button
          type="button"
          class="ed-icon-btn ed-danger"
          aria-label={`Remove ${noun}`}
          title="Remove"
          disabled={!api.editable}
          onClick={() => api.remove()}
        >
          <Icon name="trash" />
        </button>
      </span>
    </div>
  );
}

export function ImageCard({ api, services }: CardProps) {
  useSubscription(services?.media);
  const mediaId = numberAttr(api, 'mediaId');
  const library = services?.media.get(mediaId);
  const alt = attr(api, 'alt');
  const effectiveAlt = alt ?? library?.alt;
  const replace = async () => {
    const item = await services?.pickMedia('body');
    if (item) api.setAttrs({ mediaId: item.id });
  };
  return (
    <>
      <CardHeader api={api} icon="image" label="Picture" noun="picture" />
      <div class="ed-card-body ed-image">
        <div class="ed-thumb-wrap">
          <img class="ed-thumb" src={library?.thumbUrl ?? fallbackThumb(mediaId)} alt={effectiveAlt ?? ''} />
          <button type="button" class="ed-btn ed-btn-small" disabled={!api.editable} onClick={replace}>
            <Icon name="replace" /> Replace
          </button>
        </div>
        <div class="ed-card-fields">
          <TextField
            disabled={!api.editable}
            label="Alt text"
            value={alt ?? ''}
            placeholder={library?.alt || 'Describe the picture for someone who cannot see it'}
            onValue={(value) => api.setAttrs({ alt: orNull(value) })}
            hint={
              effectiveAlt === '' ? (
                <span class="ed-warn-text">Alt text is required before publishing.</span>
              ) : alt === null ? (
                'Leave empty to use the library’s alt text.'
              ) : undefined
            }
          />
          <TextField
            disabled={!api.editable}
            label="Caption"
            multiline
            value={attr(api, 'caption') ?? ''}
            placeholder={library?.caption || 'A full sentence of context'}
            onValue={(value) => api.setAttrs({ caption: orNull(value) })}
          />
          <TextField
            disabled={!api.editable}
            label="Credit"
            value={attr(api, 'credit') ?? ''}
            placeholder={library?.credit || 'e.g. Picture: Alamy'}
            onValue={(value) => api.setAttrs({ credit: orNull(value) })}
          />
        </div>
      </div>
    </>
  );
}

export function EmbedCard({ api }: { api: CardApi }) {
  const provider = (attr(api, 'provider') ?? 'video') as EmbedProvider;
  const url = attr(api, 'url') ?? '';
  return (
    <>
      <CardHeader
        api={api}
        icon="embed"
        label={`Embed · ${providerNames[provider] ?? provider}`}
        noun="embed"
      />
      <div class="ed-card-body">
        <p class="ed-card-url">
          <a href={url} target="_blank" rel="noopener noreferrer">
            {url}
          </a>
        </p>
        <div class="ed-card-fields ed-card-fields-row">
          <TextField
            disabled={!api.editable}
            label="Title"
            value={attr(api, 'title') ?? ''}
            placeholder="What readers will see before they choose to load it"
            onValue={(value) => api.setAttrs({ title: value })}
          />
          <TextField
            disabled={!api.editable}
            label="Caption (optional)"
            value={attr(api, 'caption') ?? ''}
            onValue={(value) => api.setAttrs({ caption: orNull(value) })}
          />
        </div>
      </div>
    </>
  );
}

function useHeadline(services: EditorServices | null, id: number) {
  useSubscription(services?.articles);
  return id > 0 ? services?.articles.get(id) : undefined;
}

function TargetNote({ status, missing }: { status?: string; missing?: boolean }) {
  if (missing)
    return <p class="ed-warn-text">This article could not be found. Readers will not see this link.</p>;
  if (!status || status === 'published') return null;
  return <p class="ed-hint">Not published yet: readers see this link once that article is published.</p>;
}

/** The article a Read more or teaser card points at, and a way to choose another. */
function useLinkedArticle({ api, services }: CardProps, kind: 'readMore' | 'teaser') {
  const target = useHeadline(services, numberAttr(api, 'articleId'));
  const change = async () => {
    const hit = await services?.pickArticle(kind);
    if (hit) api.setAttrs({ articleId: hit.id });
  };
  return { target, change };
}

export function ReadMoreCard(props: CardProps) {
  const { api } = props;
  const { target, change } = useLinkedArticle(props, 'readMore');
  return (
    <>
      <CardHeader api={api} icon="readMore" label="Read more link" noun="Read more link" />
      <div class="ed-card-body ed-readmore">
        <p class="ed-readmore-line">
          <strong>Read more:</strong> {target ? target.headline : 'Loading headline…'}
        </p>
        <TargetNote status={target?.status} missing={target?.missing} />
        <button type="button" class="ed-btn ed-btn-small" disabled={!api.editable} onClick={change}>
          Change article
        </button>
      </div>
    </>
  );
}

export function TeaserCard(props: CardProps) {
  const { api } = props;
  const { target, change } = useLinkedArticle(props, 'teaser');
  return (
    <>
      <CardHeader api={api} icon="teaser" label="Related story teaser" noun="teaser" />
      <div class="ed-card-body ed-teaser">
        <TextField
          disabled={!api.editable}
          label="Kicker"
          class="ed-kicker-field"
          value={attr(api, 'kicker') ?? ''}
          placeholder="Related"
          onValue={(value) => api.setAttrs({ kicker: orNull(value) })}
        />
        <p class="ed-teaser-headline">{target ? target.headline : 'Loading headline…'}</p>
        <TargetNote status={target?.status} missing={target?.missing} />
        <button type="button" class="ed-btn ed-btn-small" disabled={!api.editable} onClick={change}>
          Change article
        </button>
      </div>
    </>
  );
}

export function QuoteChrome({ api, kind }: { api: CardApi; kind: 'quote' | 'pullquote' }) {
  return (
    <div class="ed-attribution">
      <span class="ed-card-label ed-quote-label">{kind === 'quote' ? 'Quote' : 'Pull quote'}</span>
      <label class="ed-attribution-field">
        <span class="ed-visually-hidden">Attribution</span>
        <span aria-hidden="true">—</span>
        <input
          type="text"
          disabled={!api.editable}
          value={attr(api, 'attribution') ?? ''}
          placeholder="Who said it (optional)"
          onInput={(event) => api.setAttrs({ attribution: orNull(event.currentTarget.value) })}
        />
      </label>
    </div>
  );
}

export function FactboxChrome({ api }: { api: CardApi }) {
  return (
    <>
      <CardHeader api={api} icon="factbox" label="Fact box" noun="fact box" />
      <label class="ed-factbox-title">
        <span class="ed-visually-hidden">Fact box title</span>
        <input
          type="text"
          disabled={!api.editable}
          value={attr(api, 'title') ?? ''}
          placeholder="Title, e.g. Key facts"
          onInput={(event) => api.setAttrs({ title: event.currentTarget.value })}
        />
      </label>
    </>
  );
}
