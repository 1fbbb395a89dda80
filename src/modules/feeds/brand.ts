/**
 * The publication's logo and icons as PNG files, drawn from the site name (render/brand-svg.ts) and served
 * under /brand/. Feeds, structured data and the publisher logo link them; sizes follow what consumers ask:
 * a 600×60 wordmark (Google's publisher logo box), a 512 px square icon (JSON Feed, Organization) and a
 * 144 px square (RSS <image>, which may be at most 144 px wide).
 */
export const brandAssets = {
  logo: { path: '/brand/logo.png', width: 600, height: 60 },
  icon: { path: '/brand/icon-512.png', width: 512, height: 512 },
  smallIcon: { path: '/brand/icon-144.png', width: 144, height: 144 },
} as const;

export type BrandAsset = keyof typeof brandAssets;

export function brandAssetByFile(file: string): BrandAsset | undefined {
  const found = Object.entries(brandAssets).find(([, asset]) => asset.path === `/brand/${file}`);
  return found?.[0] as BrandAsset | undefined;
}
