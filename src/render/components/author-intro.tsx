import type { ImageRef } from '../../modules/media/index.ts';
import { ResponsiveImage } from './responsive-image.tsx';

export function AuthorIntro({ bio, portrait }: { bio: string; portrait: ImageRef | undefined }) {
  return (
    <div class="author-intro">
      {portrait && (
        <ResponsiveImage image={portrait} alt="" sizes="96px" maxWidth={320} class="author-portrait" />
      )}
      {bio && <p class="listing-description">{bio}</p>}
    </div>
  );
}
