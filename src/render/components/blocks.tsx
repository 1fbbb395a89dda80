import type { ComponentChildren } from 'preact';
import { type ArticleCard, type Block, type Inline, isSafeHref } from '../../modules/articles/index.ts';
import type { ImageRef } from '../../modules/media/index.ts';
import { Figure } from './figure.tsx';
import { ResponsiveImage } from './responsive-image.tsx';

export interface BlockContext {
  linked: Map<number, ArticleCard>;
  images: Map<number, ImageRef>;
}

/** Inline runs become text, <strong>, <em> and links; text is escaped by Preact, links re-checked here. */
export function InlineRuns({ runs }: { runs: readonly Inline[] }) {
  return (
    <>
      {runs.map((run) => {
        let node: ComponentChildren = run.text;
        if (run.italic) node = <em>{node}</em>;
        if (run.bold) node = <strong>{node}</strong>;
        if (run.href && isSafeHref(run.href)) {
          const external = /^https?:/i.test(run.href.trim());
          node = (
            <a href={run.href.trim()} rel={external ? 'noopener' : undefined}>
              {node}
            </a>
          );
        }
        return node;
      })}
    </>
  );
}

const embedNames = { youtube: 'YouTube', x: 'X', video: 'video', audio: 'audio' } as const;

function BlockView({ block, ctx }: { block: Block; ctx: BlockContext }) {
  switch (block.type) {
    case 'paragraph':
      return (
        <p>
          <InlineRuns runs={block.content} />
        </p>
      );
    case 'heading':
      return block.level === 2 ? <h2>{block.text}</h2> : <h3>{block.text}</h3>;
    case 'list': {
      const items = block.items.map((item) => (
        <li>
          <InlineRuns runs={item} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'quote':
      return (
        <figure class="quote">
          <blockquote>
            <p>
              <InlineRuns runs={block.content} />
            </p>
          </blockquote>
          {block.attribution && <figcaption>{block.attribution}</figcaption>}
        </figure>
      );
    case 'pullquote':
      return (
        <figure class="pullquote">
          <blockquote>
            <p>{block.text}</p>
          </blockquote>
          {block.attribution && <figcaption>{block.attribution}</figcaption>}
        </figure>
      );
    case 'image': {
      const image = ctx.images.get(block.mediaId);
      if (!image) return null;
      return (
        <Figure
          class="body-figure"
          caption={block.caption ?? image.caption}
          credit={block.credit ?? image.credit}
        >
          <ResponsiveImage
            image={image}
            alt={block.alt ?? image.alt}
            sizes="(min-width: 720px) 680px, 100vw"
          />
        </Figure>
      );
    }
    case 'embed':
      // A facade: nothing is fetched from the provider until the reader chooses to go there.
      return (
        <figure class="embed">
          <a class="embed-facade" href={block.url} rel="noopener">
            <span class="embed-play" aria-hidden="true">
              ▶
            </span>
            <span class="embed-title">{block.title}</span>
            <span class="embed-provider">Opens on {embedNames[block.provider]}</span>
          </a>
          {block.caption && <figcaption>{block.caption}</figcaption>}
        </figure>
      );
    case 'readMore': {
      const target = ctx.linked.get(block.articleId);
      if (!target) return null;
      return (
        <p class="read-more">
          <strong>Read more:</strong> <a href={target.url}>{target.headline}</a>
        </p>
      );
    }
    case 'teaser': {
      const target = ctx.linked.get(block.articleId);
      if (!target) return null;
      return (
        <aside class="teaser" aria-label="Related story">
          {target.image && (
            <ResponsiveImage image={target.image} alt="" sizes="120px" maxWidth={480} class="teaser-image" />
          )}
          <div>
            <p class="teaser-kicker">{block.kicker ?? 'Related'}</p>
            <a class="teaser-link" href={target.url}>
              {target.headline}
            </a>
          </div>
        </aside>
      );
    }
    case 'factbox':
      return (
        <aside class="factbox" aria-label={block.title}>
          <p class="factbox-title">{block.title}</p>
          <ul>
            {block.items.map((item) => (
              <li>
                <InlineRuns runs={item} />
              </li>
            ))}
          </ul>
        </aside>
      );
    case 'divider':
      return <hr />;
  }
}

export function Blocks({ blocks, ctx }: { blocks: readonly Block[]; ctx: BlockContext }) {
  return (
    <>
      {blocks.map((block) => (
        <BlockView block={block} ctx={ctx} />
      ))}
    </>
  );
}
