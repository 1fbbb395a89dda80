import {
  type ImageRef,
  scaledHeight,
  type VariantFormat,
  variantUrl,
  widthsFor,
} from '../../modules/media/index.ts';
import { noteCacheTags } from '../cache-tags.ts';

interface Props {
  image: ImageRef;
  /** The `sizes` attribute: how wide the picture is drawn at each viewport width. */
  sizes: string;
  /** Only the lead picture loads eagerly; everything else waits until it is near the viewport. */
  priority?: boolean;
  /** Alternative text override; an empty string marks a decorative use. */
  alt?: string;
  class?: string;
  /** Largest variant worth offering: a thumbnail never needs the 1600 px file, even on a 3x screen. */
  maxWidth?: number;
}

function candidateWidths(image: ImageRef, maxWidth: number): number[] {
  const all = widthsFor(image.width);
  const fitting = all.filter((w) => w <= maxWidth);
  return fitting.length > 0 ? fitting : all.slice(0, 1);
}

function srcset(image: ImageRef, widths: number[], format: VariantFormat): string {
  return widths.map((w) => `${variantUrl(image.id, w, format)} ${w}w`).join(', ');
}

/** AVIF, then WebP, then JPEG for old browsers; width and height always set so nothing shifts. */
export function ResponsiveImage(props: Props) {
  const {
    image,
    sizes,
    priority = false,
    alt,
    class: className,
    maxWidth = Number.POSITIVE_INFINITY,
  } = props;
  noteCacheTags(`media:${image.id}`);
  const widths = candidateWidths(image, maxWidth);
  const fallbackWidth = widths.find((w) => w >= 640) ?? widths[widths.length - 1] ?? image.width;
  // Crops in CSS follow the focal point; the centre is the default and needs no attribute.
  const centred = image.focalX === 0.5 && image.focalY === 0.5;
  const focal = `object-position:${Math.round(image.focalX * 100)}% ${Math.round(image.focalY * 100)}%`;
  return (
    <picture>
      <source type="image/avif" srcset={srcset(image, widths, 'avif')} sizes={sizes} />
      <source type="image/webp" srcset={srcset(image, widths, 'webp')} sizes={sizes} />
      <img
        class={className}
        src={variantUrl(image.id, fallbackWidth, 'jpeg')}
        srcset={srcset(image, widths, 'jpeg')}
        sizes={sizes}
        width={fallbackWidth}
        height={scaledHeight(image, fallbackWidth)}
        alt={alt ?? image.alt}
        loading={priority ? 'eager' : 'lazy'}
        decoding={priority ? 'sync' : 'async'}
        fetchpriority={priority ? 'high' : 'auto'}
        style={centred ? undefined : focal}
      />
    </picture>
  );
}
