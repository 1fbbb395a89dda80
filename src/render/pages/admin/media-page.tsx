import type { ImageRef } from '../../../modules/media/index.ts';
import { variantUrl, widthsFor } from '../../../modules/media/index.ts';

interface Props {
  items: ImageRef[];
  q: string;
  page: number;
  pageCount: number;
  csrf: string;
  maxUploadMb: number;
  message?: string;
  error?: string;
}

/** The media library: works without JavaScript (plain forms); the editor offers the same in a dialog. */
export function MediaPage({ items, q, page, pageCount, csrf, maxUploadMb, message, error }: Props) {
  return (
    <>
      <div class="page-head">
        <h1>Media library</h1>
      </div>
      {message && (
        <p class="form-notice" role="status">
          {message}
        </p>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <form class="upload-box" method="post" action="/admin/media" enctype="multipart/form-data">
        <input type="hidden" name="_csrf" value={csrf} />
        <div class="field">
          <label for="upload-file">Picture (JPEG, PNG, WebP, AVIF or GIF, up to {maxUploadMb} MB)</label>
          <input id="upload-file" name="file" type="file" accept="image/*" required />
        </div>
        <div class="field">
          <label for="upload-alt">Alternative text</label>
          <input id="upload-alt" name="alt" type="text" maxLength={500} />
        </div>
        <div class="field">
          <label for="upload-caption">Caption</label>
          <input id="upload-caption" name="caption" type="text" maxLength={1000} />
        </div>
        <div class="field">
          <label for="upload-credit">Credit</label>
          <input id="upload-credit" name="credit" type="text" maxLength={200} />
        </div>
        <button type="submit" class="button primary">
          Upload
        </button>
      </form>
      <form method="get" action="/admin/media" class="search-row">
        <label for="mq" class="visually-hidden">
          Search pictures
        </label>
        <input id="mq" name="q" type="search" value={q} placeholder="Search alt text, captions, credits" />
        <button type="submit" class="button">
          Search
        </button>
      </form>
      <ul class="media-grid">
        {items.map((item) => {
          const thumb =
            widthsFor(item.width)
              .filter((w) => w <= 480)
              .at(-1) ?? item.width;
          return (
            <li class="media-card">
              <img
                src={variantUrl(item.id, thumb, 'jpeg')}
                alt={item.alt}
                width={thumb}
                height={Math.round((item.height * thumb) / item.width)}
                loading="lazy"
              />
              <form method="post" action={`/admin/media/${item.id}`} class="stack compact">
                <input type="hidden" name="_csrf" value={csrf} />
                <div class="field">
                  <label for={`alt-${item.id}`}>Alternative text</label>
                  <input id={`alt-${item.id}`} name="alt" value={item.alt} maxLength={500} />
                  {!item.alt && (
                    <p class="hint warn">Needed before an article with this picture can be published.</p>
                  )}
                </div>
                <div class="field">
                  <label for={`caption-${item.id}`}>Caption</label>
                  <input id={`caption-${item.id}`} name="caption" value={item.caption} maxLength={1000} />
                </div>
                <div class="field">
                  <label for={`credit-${item.id}`}>Credit</label>
                  <input id={`credit-${item.id}`} name="credit" value={item.credit} maxLength={200} />
                </div>
                <fieldset class="focal">
                  <legend>Focal point (crops keep it in view)</legend>
                  <label for={`fx-${item.id}`}>Across %</label>
                  <input
                    id={`fx-${item.id}`}
                    name="focalX"
                    type="number"
                    min={0}
                    max={100}
                    value={Math.round(item.focalX * 100)}
                  />
                  <label for={`fy-${item.id}`}>Down %</label>
                  <input
                    id={`fy-${item.id}`}
                    name="focalY"
                    type="number"
                    min={0}
                    max={100}
                    value={Math.round(item.focalY * 100)}
                  />
                </fieldset>
                <button type="submit" class="button">
                  Save details
                </button>
              </form>
            </li>
          );
        })}
      </ul>
      {pageCount > 1 && (
        <nav class="pager" aria-label="Pages">
          {page > 1 && <a href={`/admin/media?page=${page - 1}&q=${encodeURIComponent(q)}`}>← Newer</a>}
          <span>
            Page {page} of {pageCount}
          </span>
          {page < pageCount && (
            <a href={`/admin/media?page=${page + 1}&q=${encodeURIComponent(q)}`}>Older →</a>
          )}
        </nav>
      )}
    </>
  );
}
