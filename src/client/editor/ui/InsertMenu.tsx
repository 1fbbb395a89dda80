import { useEffect, useRef, useState } from 'preact/hooks';
import { useUniqueId } from './hooks.ts';
import { Icon, type IconName } from './icons.tsx';

export interface InsertItem {
  icon: IconName;
  label: string;
  description: string;
  run(): void;
}

/**
 * "Insert" opens a short list of the cards a story can hold, each with a line on what it is for.
 * A disclosure (button + list of buttons): Escape or a click elsewhere closes it, arrows move through it.
 */
export function InsertMenu({ items }: { items: InsertItem[] }) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const id = useUniqueId();

  useEffect(() => {
    if (!open) return;
    box.current?.querySelector<HTMLButtonElement>('.ed-insert-item')?.focus();
    const outside = (event: MouseEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  // Keys are caught on the wrapper, where focus moves between the toggle and the items.
  useEffect(() => {
    const wrapper = box.current;
    wrapper?.addEventListener('keydown', onKeyDown);
    return () => wrapper?.removeEventListener('keydown', onKeyDown);
  });

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
      toggle.current?.focus();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...(box.current?.querySelectorAll<HTMLButtonElement>('.ed-insert-item') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    event.preventDefault();
    event.stopPropagation();
    // From the toggle, the arrows open the list (the effect above then focuses its first item).
    if (index < 0) {
      if (open) buttons[0]?.focus();
      else setOpen(true);
      return;
    }
    const next = (index + (event.key === 'ArrowDown' ? 1 : -1) + buttons.length) % buttons.length;
    buttons[next]?.focus();
  };

  return (
    <div class="ed-insert" ref={box}>
      <button
        ref={toggle}
        type="button"
        class="ed-tool ed-insert-toggle"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => setOpen(!open)}
      >
        <Icon name="plus" /> Insert
      </button>
      <div id={`${id}-panel`} class="ed-insert-panel" hidden={!open}>
        {items.map((item) => (
          <button
            key={item.label}
            type="button"
            class="ed-insert-item"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              setOpen(false);
              item.run();
            }}
          >
            <Icon name={item.icon} />
            <span>
              <span class="ed-insert-label">{item.label}</span>
              <span class="ed-insert-desc">{item.description}</span>
            </span>
          </button>
        ))}
      </div>
    </div>
  );
}
