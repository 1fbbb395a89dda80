import type { Attribute } from '@tiptap/core';

/**
 * Node attributes stored as `data-*` on the HTML ProseMirror copies to the clipboard, so cutting and
 * pasting a card inside the editor keeps it whole. Null means "not set" (the library's value applies).
 */
export function textAttr(name: string, fallback: string | null = null): Attribute {
  const key = `data-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  return {
    default: fallback,
    parseHTML: (element) => element.getAttribute(key) ?? fallback,
    renderHTML: (attrs) => (attrs[name] == null ? {} : { [key]: String(attrs[name]) }),
  };
}

export function idAttr(name: string): Attribute {
  const key = `data-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  return {
    default: null,
    parseHTML: (element) => {
      const value = Number(element.getAttribute(key));
      return Number.isSafeInteger(value) && value > 0 ? value : null;
    },
    renderHTML: (attrs) => (attrs[name] == null ? {} : { [key]: String(attrs[name]) }),
  };
}
