import type { ComponentChildren } from 'preact';
import { type ArticleCard, type Block, type Inline, isSafeHref } from '../../modules/articles/index.ts';
import { type SentenceMarks, type SentenceUnit, unitKey } from '../../modules/audio/index.ts';
import type { ImageRef } from '../../modules/media/index.ts';
import { noteCacheTags } from '../cache-tags.ts';
import { Figure } from './figure.tsx';
import { ResponsiveImage } from './responsive-image.tsx';
import { segmentRuns } from './sentences.ts';

export interface BlockContext {
  linked: Map<number, ArticleCard>;
  images: Map<number, ImageRef>;
  /** Where the sentences the audio reads are, when the article has audio (the player highlights them). */
  sentences?: SentenceMarks;
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

/** Inline runs with each sentence the audio reads wrapped in <span data-s="N">; plain runs without audio. */
export function SentenceRuns({ runs, unit }: { runs: readonly Inline[]; unit: SentenceUnit | undefined }) {
  if (!unit) return <InlineRuns runs={runs} />;
  return (
    <>
      {segmentRuns(runs, unit).map((segment) =>
        segment.sentence === null ? (
          // Between sentences there is only white space: plain text, never an empty link.
          segment.runs.map((run) => run.text).join('')
        ) : (
          <span data-s={segment.sentence}>
            <InlineRuns runs={segment.runs} />
          </span>
        ),
      )}
    </>
  );
}

/** Plain text (headline, standfirst, headings) with its sentences marked, as SentenceRuns. */
export function SentenceText({ text, unit }: { text: string; unit: SentenceUnit | undefined }) {
  if (!unit) return <>{text}</>;
  return <SentenceRuns runs={[{ text }]} unit={unit} />;
}

const embedNames = { youtube: 'YouTube', x: 'X', video: 'video', audio: 'audio' } as const;

function BlockView({ block, index, ctx }: { block: Block; index: number; ctx: BlockContext }) {
  const unit = (key: string) => ctx.sentences?.get(key);
  switch (block.type) {
    case 'paragraph':
      return (
        <p>
          <SentenceRuns runs={block.content} unit={unit(unitKey.block(index))} />
        </p>
      );
    case 'heading': {
      const text = <SentenceText text={block.text} unit={unit(unitKey.block(index))} />;
      return block.level === 2 ? <h2>{text}</h2> : <h3>{text}</h3>;
    }
    case 'list': {
      const items = block.items.map((item, i) => (
        <li>
          <SentenceRuns runs={item} unit={unit(unitKey.item(index, i))} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'quote':
      return (
        <figure class="quote">
          <blockquote>
            <p>
              <SentenceRuns runs={block.content} unit={unit(unitKey.block(index))} />
            </p>
          </blockquote>
          {block.attribution && (
            <figcaption>
              <SentenceText text={block.attribution} unit={unit(unitKey.attribution(index))} />
            </figcaption>
          )}
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
      // Tagged even when the target is not shown: publishing it again must bring the line back.
      noteCacheTags(`article:${block.articleId}`);
      const target = ctx.linked.get(block.articleId);
      if (!target) return null;
      return (
        <p class="read-more">
          <strong>Read more:</strong> <a href={target.url}>{target.headline}</a>
        </p>
      );
    }
    case 'teaser': {
      noteCacheTags(`article:${block.articleId}`);
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
          <p class="factbox-title">
            <SentenceText text={block.title} unit={unit(unitKey.title(index))} />
          </p>
          <ul>
            {block.items.map((item, i) => (
              <li>
                <SentenceRuns runs={item} unit={unit(unitKey.item(index, i))} />
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
      {blocks.map((block, index) => (
        <BlockView block={block} index={index} ctx={ctx} />
      ))}
    </>
  );
}
