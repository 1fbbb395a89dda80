import type { Editor, NodeViewRenderer } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { NodeSelection } from '@tiptap/pm/state';
import { type ComponentChild, render } from 'preact';

/**
 * Node views whose visible chrome (labels, inputs, buttons) is drawn by Preact. Atom cards are all chrome;
 * quotes and fact boxes keep an editable region (contentDOM) that ProseMirror owns, next to the chrome.
 * Events inside form controls are left to the browser so typing in a caption never edits the article text.
 */

export interface CardApi {
  node: PMNode;
  editor: Editor;
  /** False when the article is read-only (no permission, or a newer version won): fields are disabled. */
  editable: boolean;
  setAttrs(attrs: Record<string, unknown>): void;
  remove(): void;
  move(direction: -1 | 1): void;
}

export interface ViewSpec {
  tag: string;
  className: string;
  /** An editable region for the node's own content, placed before or after the chrome. */
  content?: { tag: string; className: string; chrome: 'before' | 'after' };
  render(api: CardApi): ComponentChild;
}

const controls = 'input, textarea, select, button, a, label';

/** Every card's redraw, per editor, so a change of editability reaches fields ProseMirror does not own. */
const redraws = new WeakMap<Editor, Set<() => void>>();

export function redrawCards(editor: Editor): void {
  for (const redraw of redraws.get(editor) ?? []) redraw();
}

function positionOf(getPos: () => number | undefined): number | null {
  const pos = getPos();
  return typeof pos === 'number' ? pos : null;
}

/** Moves the node one place up or down among its siblings, keeping it selected. */
function moveNode(editor: Editor, pos: number, node: PMNode, direction: -1 | 1): number | null {
  const { state } = editor.view;
  const $pos = state.doc.resolve(pos);
  const sibling = $pos.parent.maybeChild($pos.index() + direction);
  if (!sibling) return null;
  const target = direction < 0 ? pos - sibling.nodeSize : pos + sibling.nodeSize;
  const tr = state.tr.delete(pos, pos + node.nodeSize).insert(target, node);
  tr.setSelection(NodeSelection.create(tr.doc, target)).scrollIntoView();
  editor.view.dispatch(tr);
  return target;
}

/** After a move ProseMirror may redraw the card; put keyboard focus back on the same button. */
function refocus(editor: Editor, pos: number, action: string): void {
  const dom = editor.view.nodeDOM(pos);
  if (dom instanceof HTMLElement) dom.querySelector<HTMLElement>(`[data-action="${action}"]`)?.focus();
}

export function preactView(spec: ViewSpec): NodeViewRenderer {
  return ({ node, editor, getPos }) => {
    const dom = document.createElement(spec.tag);
    dom.className = spec.className;
    let chrome: HTMLElement = dom;
    let contentDOM: HTMLElement | undefined;
    if (spec.content) {
      chrome = document.createElement('div');
      chrome.className = 'ed-chrome';
      chrome.contentEditable = 'false';
      contentDOM = document.createElement(spec.content.tag);
      contentDOM.className = spec.content.className;
      if (spec.content.chrome === 'before') dom.append(chrome, contentDOM);
      else dom.append(contentDOM, chrome);
    } else {
      dom.contentEditable = 'false';
    }

    let current = node;
    const api: CardApi = {
      get node() {
        return current;
      },
      editor,
      get editable() {
        return editor.isEditable;
      },
      setAttrs(attrs) {
        const pos = positionOf(getPos);
        if (pos === null) return;
        const tr = editor.view.state.tr;
        for (const [key, value] of Object.entries(attrs)) tr.setNodeAttribute(pos, key, value);
        editor.view.dispatch(tr);
      },
      remove() {
        const pos = positionOf(getPos);
        if (pos === null) return;
        editor.view.dispatch(editor.view.state.tr.delete(pos, pos + current.nodeSize));
        editor.commands.focus();
      },
      move(direction) {
        const pos = positionOf(getPos);
        if (pos === null) return;
        const target = moveNode(editor, pos, current, direction);
        if (target !== null) refocus(editor, target, direction < 0 ? 'up' : 'down');
      },
    };
    const draw = () => render(spec.render(api), chrome);
    draw();
    const all = redraws.get(editor) ?? new Set();
    redraws.set(editor, all.add(draw));

    return {
      dom,
      contentDOM,
      update(next) {
        if (next.type !== current.type) return false;
        current = next;
        draw();
        return true;
      },
      stopEvent(event) {
        const target = event.target;
        return target instanceof Element && chrome.contains(target) && target.closest(controls) !== null;
      },
      ignoreMutation(mutation) {
        // Atom cards are drawn by Preact alone; in the others only the chrome is ours.
        if (!contentDOM) return mutation.type !== 'selection';
        return chrome.contains(mutation.target);
      },
      destroy() {
        all.delete(draw);
        render(null, chrome);
      },
    };
  };
}
