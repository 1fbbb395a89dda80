import type { Editor } from '@tiptap/core';
import type { ComponentChildren } from 'preact';
import { useEffect, useReducer } from 'preact/hooks';
import type { EditorServices } from '../services.ts';
import {
  insertArticleLink,
  insertDivider,
  insertFactbox,
  insertImage,
  toggleBlock,
} from '../tiptap/commands.ts';
import type { Dialogs } from './dialogs.ts';
import { type InsertItem, InsertMenu } from './InsertMenu.tsx';
import { Icon, type IconName } from './icons.tsx';

const mod = typeof navigator !== 'undefined' && /Mac|iP(hone|ad)/.test(navigator.platform) ? '⌘' : 'Ctrl+';

interface ButtonProps {
  label: string;
  shortcut?: string;
  icon?: IconName;
  text?: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick(): void;
}

function ToolButton({ label, shortcut, icon, text, pressed, disabled, onClick }: ButtonProps) {
  return (
    <button
      type="button"
      class="ed-tool"
      aria-label={label}
      aria-pressed={pressed === undefined ? undefined : pressed}
      title={shortcut ? `${label} (${shortcut})` : label}
      disabled={disabled}
      // Keep the editor's selection: a mousedown on a button would otherwise move focus first.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {icon && <Icon name={icon} />}
      {text && <span class="ed-tool-text">{text}</span>}
    </button>
  );
}

function Group({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <fieldset class="ed-tool-group" aria-label={label}>
      {children}
    </fieldset>
  );
}

/** Arrow keys move between buttons, as in any toolbar; Tab still reaches each one. */
function onArrows(event: KeyboardEvent): void {
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
  const bar = event.currentTarget as HTMLElement;
  const buttons = [...bar.querySelectorAll<HTMLButtonElement>('button:not([disabled])')];
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (index < 0) return;
  const next = buttons[(index + (event.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length];
  next?.focus();
  event.preventDefault();
}

export function Toolbar({
  editor,
  services,
  dialogs,
}: {
  editor: Editor;
  services: EditorServices;
  dialogs: Dialogs;
}) {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const update = () => redraw(undefined);
    editor.on('transaction', update);
    return () => {
      editor.off('transaction', update);
    };
  }, [editor]);

  const run = (command: (chain: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) =>
    command(editor.chain().focus()).run();
  const active = (name: string, attrs?: Record<string, unknown>) => editor.isActive(name, attrs);
  const pickArticle = async (kind: 'readMore' | 'teaser') => {
    const hit = await services.pickArticle(kind);
    if (!hit) return;
    services.articles.remember(hit.id, { headline: hit.headline, status: hit.status });
    insertArticleLink(editor, kind, hit);
  };
  const pickImage = async () => {
    const item = await services.pickMedia('body');
    if (item) insertImage(editor, item);
  };

  const inserts: InsertItem[] = [
    { icon: 'image', label: 'Picture', description: 'From the media library, or upload one', run: pickImage },
    {
      icon: 'embed',
      label: 'Embed',
      description: 'YouTube, a post on X, a video or audio file',
      run: () => dialogs.open({ kind: 'embed' }),
    },
    {
      icon: 'readMore',
      label: 'Read more link',
      description: '“Read more:” and another headline',
      run: () => pickArticle('readMore'),
    },
    {
      icon: 'teaser',
      label: 'Related story',
      description: 'A teaser card for another article',
      run: () => pickArticle('teaser'),
    },
    {
      icon: 'factbox',
      label: 'Fact box',
      description: 'A titled box of key points',
      run: () => insertFactbox(editor),
    },
    {
      icon: 'divider',
      label: 'Divider',
      description: 'A break between parts of the story',
      run: () => insertDivider(editor),
    },
  ];

  return (
    <div class="ed-toolbar" role="toolbar" aria-label="Formatting and inserts" onKeyDown={onArrows}>
      <Group label="Text style">
        <ToolButton
          label="Bold"
          shortcut={`${mod}B`}
          icon="bold"
          pressed={active('bold')}
          onClick={() => run((c) => c.toggleBold())}
        />
        <ToolButton
          label="Italic"
          shortcut={`${mod}I`}
          icon="italic"
          pressed={active('italic')}
          onClick={() => run((c) => c.toggleItalic())}
        />
        <ToolButton
          label="Link"
          shortcut={`${mod}K`}
          icon="link"
          pressed={active('link')}
          onClick={() => services.openLinkDialog()}
        />
      </Group>
      <Group label="Block type">
        <ToolButton
          label="H2 heading"
          text="H2"
          pressed={active('heading', { level: 2 })}
          onClick={() => run((c) => c.toggleHeading({ level: 2 }))}
        />
        <ToolButton
          label="H3 subheading"
          text="H3"
          pressed={active('heading', { level: 3 })}
          onClick={() => run((c) => c.toggleHeading({ level: 3 }))}
        />
        <ToolButton
          label="Bulleted list"
          icon="bulletList"
          pressed={active('bulletList')}
          onClick={() => run((c) => c.toggleBulletList())}
        />
        <ToolButton
          label="Numbered list"
          icon="orderedList"
          pressed={active('orderedList')}
          onClick={() => run((c) => c.toggleOrderedList())}
        />
        <ToolButton
          label="Quote"
          icon="quote"
          pressed={active('quote')}
          onClick={() => toggleBlock(editor, 'quote')}
        />
        <ToolButton
          label="Pull quote"
          icon="pullquote"
          pressed={active('pullquote')}
          onClick={() => toggleBlock(editor, 'pullquote')}
        />
      </Group>
      <InsertMenu items={inserts} />
      <Group label="History">
        <ToolButton
          label="Undo"
          shortcut={`${mod}Z`}
          icon="undo"
          disabled={!editor.can().undo()}
          onClick={() => run((c) => c.undo())}
        />
        <ToolButton
          label="Redo"
          shortcut={`${mod}Shift+Z`}
          icon="redo"
          disabled={!editor.can().redo()}
          onClick={() => run((c) => c.redo())}
        />
      </Group>
    </div>
  );
}
