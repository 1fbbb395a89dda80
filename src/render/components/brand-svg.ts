import type { BrandAsset } from '../../modules/feeds/index.ts';
import { brandAssets } from '../../modules/feeds/index.ts';

/**
 * The publication's logo and icons as SVG, drawn from its name (the HTTP layer has them rendered to PNG).
 * Text is escaped for XML; the drawing is ours alone, never an upload.
 */
function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const serif = "'DejaVu Serif', Georgia, 'Times New Roman', serif";

export function brandSvg(asset: BrandAsset, siteName: string): string {
  const { width, height } = brandAssets[asset];
  if (asset === 'logo') {
    // A wordmark in the masthead's style, sized to fit the 600×60 box whatever the name's length.
    const size = Math.min(46, Math.floor(560 / Math.max(1, siteName.length * 0.62)));
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<text x="4" y="${Math.round(height / 2 + size * 0.35)}" font-family="${serif}" font-weight="700" font-size="${size}" letter-spacing="-0.5" fill="#121212">${escapeXml(siteName)}</text>
</svg>`;
  }
  const initial = escapeXml(Array.from(siteName.trim())[0]?.toUpperCase() ?? 'B');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 64 64">
<rect width="64" height="64" rx="10" fill="#121212"/>
<text x="32" y="45" text-anchor="middle" font-family="${serif}" font-weight="700" font-size="40" fill="#ffffff">${initial}</text>
<rect x="12" y="53" width="40" height="3" fill="#c8102e"/>
</svg>`;
}
