import { isSafeHref } from './safe-href.ts';

/**
 * Cleans HTML pasted from Word, Google Docs or web pages before the editor parses it. Only the things a
 * block can hold survive: paragraphs, h2/h3, lists, quotes, bold, italic and safe links. Every attribute
 * except a link's href is dropped, so no class, style or Office namespace reaches the editor.
 *
 * A tiny tokenizer rather than DOMParser, so the rules are a pure function tested in Node; ProseMirror's own
 * parser still reads the result, so this only has to remove junk, not make the HTML safe.
 */

type Token =
  | { kind: 'text'; text: string }
  | { kind: 'open'; name: string; attrs: Map<string, string>; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'condStart'; listMarker: boolean }
  | { kind: 'condEnd' }
  | { kind: 'other' };

const tokenPattern =
  /<!--[\s\S]*?-->|<!\[[^\]]*\]>|<\/?[A-Za-z][^\s/>]*(?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*\/?>|<![^>]*>|[^<]+|</g;
const attrPattern = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/** Elements removed together with everything inside them. */
const dropWithContent = new Set([
  'style',
  'script',
  'head',
  'title',
  'xml',
  'template',
  'noscript',
  'iframe',
  'object',
  'svg',
  'math',
  'canvas',
  'button',
  'select',
  'textarea',
  'video',
  'audio',
  'picture',
]);
/** Empty elements with nothing worth keeping. */
const dropVoid = new Set([
  'img',
  'meta',
  'link',
  'input',
  'wbr',
  'col',
  'area',
  'base',
  'source',
  'track',
  'embed',
]);
/** Block containers kept as bare tags so the editor still starts a new paragraph at each one. */
const bareBlocks = new Set([
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'address',
  'pre',
  'dl',
  'dt',
  'dd',
]);
const listTags = new Set(['ul', 'ol', 'li', 'blockquote']);

function decodeAttr(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function parseAttrs(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const match of source.matchAll(attrPattern)) {
    const name = match[1]?.toLowerCase();
    if (name) attrs.set(name, decodeAttr(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attrs;
}

function toToken(raw: string): Token {
  if (!raw.startsWith('<') || raw === '<') return { kind: 'text', text: raw };
  // Word's conditional sections: `<![if !supportLists]>` (or the `<!--[if …]-->` spelling) hold list bullets.
  const cond = /^<!(?:--)?\[if ([^\]]*)\](?:--)?>$/i.exec(raw);
  if (cond) return { kind: 'condStart', listMarker: /supportLists/i.test(cond[1] ?? '') };
  if (/^<!(?:--)?\[endif\](?:--)?>$/i.test(raw)) return { kind: 'condEnd' };
  if (raw.startsWith('<!')) return { kind: 'other' };
  const close = /^<\/([^\s/>]+)/.exec(raw);
  if (close) return { kind: 'close', name: (close[1] ?? '').toLowerCase() };
  const open = /^<([^\s/>]+)([\s\S]*?)(\/?)>$/.exec(raw);
  if (!open) return { kind: 'other' };
  return {
    kind: 'open',
    name: (open[1] ?? '').toLowerCase(),
    attrs: parseAttrs(open[2] ?? ''),
    selfClosing: open[3] === '/',
  };
}

export function tokenize(html: string): Token[] {
  return (html.match(tokenPattern) ?? []).map(toToken);
}

function styleOf(attrs: Map<string, string>): Map<string, string> {
  const style = new Map<string, string>();
  for (const declaration of (attrs.get('style') ?? '').split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    style.set(
      declaration.slice(0, colon).trim().toLowerCase(),
      declaration
        .slice(colon + 1)
        .trim()
        .toLowerCase(),
    );
  }
  return style;
}

/** Bold and italic as Word and Docs express them: tags, or `font-weight`/`font-style` on any element. */
function emphasis(name: string, attrs: Map<string, string>): { bold: boolean; italic: boolean } {
  const style = styleOf(attrs);
  const weight = style.get('font-weight');
  const fontStyle = style.get('font-style');
  const heavy = weight === 'bold' || weight === 'bolder' || /^[6-9]00$/.test(weight ?? '');
  const light = weight === 'normal' || /^[1-5]00$/.test(weight ?? '');
  return {
    // Google Docs wraps the whole paste in <b style="font-weight:normal">: that is not bold.
    bold: heavy || ((name === 'b' || name === 'strong') && !light),
    italic: fontStyle === 'italic' || ((name === 'i' || name === 'em') && fontStyle !== 'normal'),
  };
}

function isWordListParagraph(attrs: Map<string, string>): boolean {
  return (
    /MsoListParagraph/i.test(attrs.get('class') ?? '') ||
    styleOf(attrs).get('mso-list')?.startsWith('l') === true
  );
}

function headingLevel(name: string): number | null {
  const match = /^h([1-6])$/.exec(name);
  if (!match) return null;
  // Our articles have h2 and h3 only: a document's h1 becomes h2, anything deeper h3.
  return Number(match[1]) <= 2 ? 2 : 3;
}

class Cleaner {
  private out: string[] = [];
  private stack: { name: string; closer: string }[] = [];
  /** Name and depth of an element being dropped with its content. */
  private dropping: { name: string; depth: number } | null = null;
  /** Inside a Word list bullet (conditional section or `mso-list:Ignore` span): its text decides ul or ol. */
  private marker: { text: string; viaSpan: boolean; depth: number } | null = null;
  private wordList: { slot: number; ordered: boolean | null; key: string } | null = null;

  run(tokens: Token[]): string {
    for (const token of tokens) this.take(token);
    while (this.stack.length > 0) this.out.push(this.stack.pop()?.closer ?? '');
    this.closeWordList();
    return this.out.join('');
  }

  private take(token: Token): void {
    if (this.dropping) this.skipDropped(token);
    else if (this.marker) this.readMarker(token);
    else if (token.kind === 'text') this.out.push(token.text);
    else if (token.kind === 'condStart' && token.listMarker) {
      this.marker = { text: '', viaSpan: false, depth: 0 };
    } else if (token.kind === 'open') this.open(token.name, token.attrs, token.selfClosing);
    else if (token.kind === 'close') this.close(token.name);
  }

  private skipDropped(token: Token): void {
    const dropping = this.dropping;
    if (!dropping) return;
    if (token.kind === 'open' && token.name === dropping.name && !token.selfClosing) dropping.depth += 1;
    if (token.kind === 'close' && token.name === dropping.name) {
      dropping.depth -= 1;
      if (dropping.depth === 0) this.dropping = null;
    }
  }

  private readMarker(token: Token): void {
    const marker = this.marker;
    if (!marker) return;
    if (token.kind === 'text') marker.text += token.text;
    if (marker.viaSpan && token.kind === 'open' && token.name === 'span') marker.depth += 1;
    const ends = marker.viaSpan
      ? token.kind === 'close' && token.name === 'span' && --marker.depth === 0
      : token.kind === 'condEnd';
    if (!ends) return;
    if (this.wordList && this.wordList.ordered === null) {
      const text = marker.text.replace(/&nbsp;|\s/g, '');
      this.wordList.ordered = /^\(?(?:\d+|[a-z]|[ivxlcdm]+)[.)]/i.test(text);
    }
    this.marker = null;
  }

  private push(name: string, opener: string, closer: string): void {
    this.out.push(opener);
    this.stack.push({ name, closer });
  }

  private open(name: string, attrs: Map<string, string>, selfClosing: boolean): void {
    if (dropVoid.has(name)) return;
    if (dropWithContent.has(name) || name.includes(':')) {
      // Office namespaces (o:p, w:sdt, v:shape) never hold article text worth keeping.
      if (!selfClosing) this.dropping = { name, depth: 1 };
      return;
    }
    if (name === 'span' && styleOf(attrs).get('mso-list') === 'ignore') {
      this.marker = { text: '', viaSpan: true, depth: 1 };
      return;
    }
    if (name === 'br') {
      // There are no line breaks inside our paragraphs; a space keeps the words apart.
      this.out.push(' ');
    } else if (name === 'hr') {
      this.closeWordList();
      this.out.push('<hr>');
    } else if (!selfClosing) {
      this.openElement(name, attrs);
    }
  }

  private openElement(name: string, attrs: Map<string, string>): void {
    const level = headingLevel(name);
    if (name === 'p' && isWordListParagraph(attrs)) {
      this.openWordListItem(attrs);
    } else if (name === 'p' || level !== null || listTags.has(name) || bareBlocks.has(name)) {
      if (name !== 'li') this.closeWordList();
      const tag = level !== null ? `h${level}` : name;
      this.push(name, `<${tag}>`, `</${tag}>`);
    } else if (name === 'a') {
      const href = attrs.get('href')?.trim();
      const safe = href !== undefined && href !== '' && isSafeHref(href);
      this.push(name, safe ? `<a href="${escapeAttr(href)}">` : '', safe ? '</a>' : '');
    } else {
      this.openInline(name, attrs);
    }
  }

  /** Spans, fonts and friends vanish; only the bold or italic they carried survives. */
  private openInline(name: string, attrs: Map<string, string>): void {
    const { bold, italic } = emphasis(name, attrs);
    const opener = `${bold ? '<strong>' : ''}${italic ? '<em>' : ''}`;
    const closer = `${italic ? '</em>' : ''}${bold ? '</strong>' : ''}`;
    this.push(name, opener, closer);
  }

  private openWordListItem(attrs: Map<string, string>): void {
    // Word names each list ("l0 level1 lfo1") and marks its first paragraph: either starts a new list.
    const key = (styleOf(attrs).get('mso-list') ?? '').replace(/level\d+/, '');
    const first = /CxSpFirst/i.test(attrs.get('class') ?? '');
    if (this.wordList && (first || this.wordList.key !== key)) this.closeWordList();
    if (!this.wordList) {
      this.wordList = { slot: this.out.length, ordered: null, key };
      this.out.push('');
    }
    this.push('p', '<li><p>', '</p></li>');
  }

  private closeWordList(): void {
    if (!this.wordList) return;
    const tag = this.wordList.ordered ? 'ol' : 'ul';
    this.out[this.wordList.slot] = `<${tag}>`;
    this.out.push(`</${tag}>`);
    this.wordList = null;
  }

  private close(name: string): void {
    // Browsers forgive mis-nested tags; so do we: close everything opened after the matching element.
    let index = this.stack.length - 1;
    while (index >= 0 && this.stack[index]?.name !== name) index -= 1;
    if (index < 0) return;
    while (this.stack.length > index) this.out.push(this.stack.pop()?.closer ?? '');
  }
}

/** Word/Docs/web HTML → the small subset the editor keeps. HTML copied inside the editor passes untouched. */
export function cleanPastedHtml(html: string): string {
  // ProseMirror marks its own clipboard HTML; rewriting it would lose the cards' data attributes.
  if (html.includes('data-pm-slice')) return html;
  return new Cleaner().run(tokenize(html));
}
