import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { type Block, type Inline, isSafeHref } from '../../modules/articles/index.ts';
import type { FeedContentContext } from '../../modules/feeds/index.ts';
import { scaledHeight, variantUrl, widthsFor } from '../../modules/media/index.ts';

/**
 * An article body as HTML for feed readers: the same blocks as the page, but plain elements (no srcset,
 * no classes), absolute links, and pictures as one JPEG. Escaped by Preact like every page.
 */
function absolute(href: string, siteUrl: string): string {
  const value = href.trim();
  return value.startsWith('/') && !value.startsWith('//') ? `${siteUrl}${value}` : value;
}

function Runs({ runs, siteUrl }: { runs: readonly Inline[]; siteUrl: string }) {
  return (
    <>
      {runs.map((run) => {
        let node: ComponentChildren = run.text;
        if (run.italic) node = <em>{node}</em>;
        if (run.bold) node = <strong>{node}</strong>;
        if (run.href && isSafeHref(run.href)) node = <a href={absolute(run.href, siteUrl)}>{node}</a>;
        return node;
      })}
    </>
  );
}

const embedNames = { youtube: 'YouTube', x: 'X', video: 'video', audio: 'audio' } as const;

function FeedBlock({ block, ctx }: { block: Block; ctx: FeedContentContext }) {
  const { siteUrl } = ctx;
  switch (block.type) {
    case 'paragraph':
      return (
        <p>
          <Runs runs={block.content} siteUrl={siteUrl} />
        </p>
      );
    case 'heading':
      return block.level === 2 ? <h2>{block.text}</h2> : <h3>{block.text}</h3>;
    case 'list': {
      const items = block.items.map((item) => (
        <li>
          <Runs runs={item} siteUrl={siteUrl} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'quote':
    case 'pullquote':
      return (
        <blockquote>
          <p>{block.type === 'quote' ? <Runs runs={block.content} siteUrl={siteUrl} /> : block.text}</p>
          {block.attribution && <p>— {block.attribution}</p>}
        </blockquote>
      );
    case 'image': {
      const image = ctx.images.get(block.mediaId);
      if (!image) return null;
      const width =
        widthsFor(image.width)
          .filter((w) => w <= 960)
          .at(-1) ?? image.width;
      const caption = block.caption ?? image.caption;
      const credit = block.credit ?? image.credit;
      return (
        <figure>
          <img
            src={`${siteUrl}${variantUrl(image.id, width, 'jpeg')}`}
            width={width}
            height={scaledHeight(image, width)}
            alt={block.alt ?? image.alt}
          />
          {(caption || credit) && (
            <figcaption>
              {caption}
              {caption && credit ? ' ' : ''}
              {credit && `Picture: ${credit}`}
            </figcaption>
          )}
        </figure>
      );
    }
    case 'embed':
      return (
        <p>
          <a href={block.url}>{block.title}</a> (on {embedNames[block.provider]})
        </p>
      );
    case 'readMore':
    case 'teaser': {
      const target = ctx.linked.get(block.articleId);
      if (!target) return null;
      const kicker = block.type === 'readMore' ? 'Read more' : (block.kicker ?? 'Related');
      return (
        <p>
          <strong>{kicker}:</strong> <a href={`${siteUrl}${target.url}`}>{target.headline}</a>
        </p>
      );
    }
    case 'factbox':
      return (
        <div>
          <p>
            <strong>{block.title}</strong>
          </p>
          <ul>
            {block.items.map((item) => (
              <li>
                <Runs runs={item} siteUrl={siteUrl} />
              </li>
            ))}
          </ul>
        </div>
      );
    case 'divider':
      return <hr />;
  }
}

export function renderFeedContent(body: readonly Block[], ctx: FeedContentContext): string {
  return body.map((block) => renderToString(<FeedBlock block={block} ctx={ctx} />)).join('');
}
