// Shared by the discovery tests (search, feeds, sitemaps, structured data): real parsers and validators,
// and a way to publish test articles through the same import API the demo seeder uses.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { XmlBufferInputProvider, XmlDocument, XsdValidator, xmlRegisterInputProvider } from 'libxml2-wasm';
import type { App } from '../../src/app/wire.ts';
import type { Block } from '../../src/modules/articles/index.ts';
import { slugify } from '../../src/shared/slug.ts';
import { projectRoot } from '../helpers/template.ts';

/** Elements that may repeat, so the parser always gives arrays for them (even with one child). */
const repeating = new Set([
  'item',
  'entry',
  'url',
  'sitemap',
  'category',
  'author',
  'dc:creator',
  'atom:link',
  'image:image',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Atom's <link> repeats; RSS's channel and item <link> is a single URL.
  isArray: (name, jpath) => repeating.has(name) || (name === 'link' && String(jpath).startsWith('feed.')),
});

// biome-ignore lint/suspicious/noExplicitAny: parsed XML has no static shape; tests check it field by field.
export type Parsed = any;

/** Parses XML after checking it is well-formed; throws with the parser's message otherwise. */
export function parseXml(xml: string): Parsed {
  const check = XMLValidator.validate(xml);
  if (check !== true) throw new Error(`not well-formed XML: ${JSON.stringify(check.err)}`);
  return parser.parse(xml) as Parsed;
}

/** Text of an element the parser gave as a string or as { '#text': … } (when it has attributes). */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && '#text' in value)
    return String((value as { '#text': unknown })['#text']);
  return '';
}

let validator: XsdValidator | undefined;

/**
 * Validates a sitemap, sitemap index or Google News sitemap against the schemas in
 * test/unit/fixtures/sitemap-schemas (sitemaps.org 0.9 with Google's image and news extensions, checked
 * strictly), using libxml2 compiled to WebAssembly: no Java, no native build.
 */
export function validateSitemap(xml: string): void {
  if (!validator) {
    const folder = path.join(projectRoot, 'test/unit/fixtures/sitemap-schemas');
    const files = Object.fromEntries(
      ['sitemap.xsd', 'image.xsd', 'news.xsd'].map((name) => [
        name,
        new Uint8Array(readFileSync(path.join(folder, name))),
      ]),
    );
    xmlRegisterInputProvider(new XmlBufferInputProvider(files));
    const main = files['sitemap.xsd'];
    if (!main) throw new Error('missing sitemap.xsd');
    validator = XsdValidator.fromDoc(XmlDocument.fromBuffer(main, { url: 'sitemap.xsd' }));
  }
  const doc = XmlDocument.fromString(xml);
  try {
    validator.validate(doc);
  } finally {
    doc.dispose();
  }
}

export interface TestArticle {
  slug: string;
  headline: string;
  standfirst?: string;
  /** Paragraphs of plain text, or ready blocks. */
  body?: (string | Block)[];
  section?: string;
  tags?: string[];
  authors?: string[];
  publishedAt?: Date;
  leadMediaId?: number | null;
}

/** Publishes an article through ArticlesService's import API (validation and change events included). */
export async function publishArticle(app: App, article: TestArticle): Promise<number> {
  const sections = await app.articles.sections();
  const section = sections.find((s) => s.slug === (article.section ?? 'politics'));
  if (!section) throw new Error(`no section ${article.section}`);
  const authorIds: number[] = [];
  for (const slug of article.authors ?? []) authorIds.push((await app.authors.getBySlug(slug)).id);
  const tagIds: number[] = [];
  for (const name of article.tags ?? []) tagIds.push(await app.articles.ensureTag(slugify(name), name));
  const id = await app.articles.importDraft({
    slug: article.slug,
    headline: article.headline,
    standfirst: article.standfirst ?? '',
    label: 'none',
    sectionId: section.id,
    leadMediaId: article.leadMediaId ?? null,
    publishedAt: article.publishedAt ?? new Date(),
    publicUpdatedAt: null,
    updateNote: null,
    homePosition: null,
    authorIds,
    tagIds,
    corrections: [],
  });
  const body = (article.body ?? []).map((block) =>
    typeof block === 'string' ? { type: 'paragraph' as const, content: [{ text: block }] } : block,
  );
  await app.articles.publishImported(id, body);
  return id;
}
