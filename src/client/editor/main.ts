import { h, render } from 'preact';
import { ArticleLookup, MediaLookup } from './lookups.ts';
import { watchPage } from './page.ts';
import type { EditorServices } from './services.ts';
import { EditorSession } from './session.ts';
import type { EditorData } from './types.ts';
import { App } from './ui/App.tsx';
import { BodyHandle } from './ui/body-handle.ts';
import { Dialogs } from './ui/dialogs.ts';

/**
 * Entry of /assets/editor.js. The server renders the data this needs into
 * <script type="application/json" id="editor-data"> and an empty #editor-root to draw into.
 */

function readData(): EditorData | null {
  const source = document.getElementById('editor-data')?.textContent;
  if (!source) return null;
  try {
    return JSON.parse(source) as EditorData;
  } catch {
    return null;
  }
}

function start(): void {
  const root = document.getElementById('editor-root');
  const data = readData();
  if (!root) return;
  if (!data) {
    root.textContent = 'The editor could not start: the article data is missing. Reload the page.';
    return;
  }
  const session = new EditorSession(data);
  const dialogs = new Dialogs();
  const handle = new BodyHandle();
  const services: EditorServices = {
    articles: new ArticleLookup(),
    media: new MediaLookup(),
    pickMedia: (purpose) => dialogs.pickMedia(purpose),
    pickArticle: (purpose) => dialogs.pickArticle(purpose),
    openLinkDialog: () => dialogs.open({ kind: 'link' }),
  };
  if (data.article.leadMedia) services.media.remember(data.article.leadMedia);
  const page = { inMain: root.closest('main') !== null, hasHeading: document.querySelector('h1') !== null };
  render(h(App, { session, dialogs, services, handle, page }), root);
  watchPage(session);
}

start();
