import {
  type ImageRef,
  scaledHeight,
  type VariantFormat,
  variantUrl,
  widthsFor,
} from '../../modules/media/index.ts';

interface Props {
  image: ImageRef;
  /** The `sizes` attribute: how wide the picture is drawn at each viewport width. */
  sizes: string;
  /** Only the lead picture loads eagerly; everything else waits until it is near the viewport. */
  priority?: boolean;
  /** Alternative text override; an empty string marks a decorative use. */
  alt?: string;
  class?: string;
}

function srcset(image: ImageRef, format: VariantFormat): string {
  return widthsFor(image.width)
    .map((w) => `${variantUrl(image.id, w, format)} ${w}w`)
    .join(', ');
}

/** AVIF, then WebP, then JPEG for old browsers; width and height always set so nothing shifts. */
export function ResponsiveImage({ image, sizes, priority = false, alt, class: className }: Props) {
  const widths = widthsFor(image.width);
  const fallbackWidth = widths.find((w) => w >= 640) ?? widths[widths.length - 1] ?? image.width;
  // Crops in CSS follow the focal point; the centre is the default and needs no attribute.
  const centred = image.focalX === 0.5 && image.focalY === 0.5;
  const focal = `object-position:${Math.round(image.focalX * 100)}% ${Math.round(image.focalY * 100)}%`;
  return (
    <picture>
      <source type="image/avif" srcset={srcset(image, 'avif')} sizes={sizes} />
      <source type="image/webp" srcset={srcset(image, 'webp')} sizes={sizes} />
      <img
        class={className}
        src={variantUrl(image.id, fallbackWidth, 'jpeg')}
        srcset={srcset(image, 'jpeg')}
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
