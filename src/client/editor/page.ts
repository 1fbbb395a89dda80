import type { EditorSession } from './session.ts';

/**
 * Page-wide behaviour: Ctrl/Cmd+S, saving when the journalist leaves the tab, warning before closing
 * with unsaved changes, and presence (every 20 s, and at once when the tab comes back).
 */

export const presenceInterval = 20_000;

export function watchPage(session: EditorSession): void {
  let leaving = false;
  window.addEventListener('broadsheet:leaving', () => {
    leaving = true;
  });

  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void session.saver.flush();
    }
  });

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void session.saver.flush(true);
    else void beat();
  });
  window.addEventListener('blur', () => void session.saver.flush());
  window.addEventListener('pagehide', () => void session.saver.flush(true));

  window.addEventListener('beforeunload', (event) => {
    const state = session.saveState.kind;
    if (leaving || !(session.saver.dirty || state === 'saving')) return;
    event.preventDefault();
    // Older browsers need returnValue set to show the prompt.
    event.returnValue = '';
  });

  const beat = async () => {
    try {
      const answer = await session.api.presence(session.article.id);
      session.setOthers(answer.others);
    } catch {
      // Presence is a courtesy: a missed beat must never disturb the journalist.
    }
  };
  void beat();
  setInterval(() => {
    if (document.visibilityState === 'visible') void beat();
  }, presenceInterval);
}
