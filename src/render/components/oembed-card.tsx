import { renderToString } from 'preact-render-to-string';

/**
 * The HTML an oEmbed consumer places on its page for one of our stories: a quotation of the headline and
 * standfirst linking back to the article. No script, no frame, no styles that depend on our stylesheet;
 * rendered by Preact, so every text is escaped.
 */
export function oembedHtml(story: {
  url: string;
  headline: string;
  standfirst: string;
  siteName: string;
}): string {
  return renderToString(
    <blockquote class="broadsheet-embed" cite={story.url}>
      <p>
        <strong>
          <a href={story.url}>{story.headline}</a>
        </strong>
      </p>
      <p>{story.standfirst}</p>
      <p>
        — <a href={story.url}>{story.siteName}</a>
      </p>
    </blockquote>,
  );
}
