import { isSafeHref } from '../../modules/articles/index.ts';
import type { BannerView } from '../../modules/breaking/index.ts';

/**
 * The breaking-news banner at the top of every reader page. The slot is always there, so the banner
 * island (src/client/breaking, which builds the same markup) can put a banner into an open page, update
 * it or take it away. The dismiss button needs JavaScript, so it starts hidden and the island shows it.
 */
export function BreakingBanner({ banner }: { banner: BannerView | null | undefined }) {
  const show = banner && isSafeHref(banner.href);
  return (
    <div id="breaking-slot" class="breaking-slot">
      {show && (
        // A <section> with a name is a region landmark: screen readers list it and can jump to it.
        <section
          class="breaking"
          aria-label="Breaking news"
          data-banner={String(banner.id)}
          data-expires={banner.expiresAt ?? undefined}
        >
          <div class="breaking-inner">
            <p class="breaking-line">
              <strong class="breaking-kicker">Breaking</strong>{' '}
              <a class="breaking-link" href={banner.href}>
                {banner.text}
              </a>
            </p>
            <button type="button" class="breaking-dismiss" aria-label="Dismiss breaking news" hidden>
              <span aria-hidden="true">×</span>
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
