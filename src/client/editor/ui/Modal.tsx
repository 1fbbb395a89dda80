import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useUniqueId } from './hooks.ts';
import { Icon } from './icons.tsx';

/**
 * A modal on the native <dialog>: focus is trapped, Escape closes it and focus returns where it was,
 * all by the browser. `onClose` fires however it closes.
 */
export function Modal(props: {
  title: string;
  onClose(): void;
  children: ComponentChildren;
  footer?: ComponentChildren;
  size?: 'small' | 'medium' | 'large';
  describedBy?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useUniqueId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // Start where the journalist types (marked data-autofocus), not on the close button.
    dialog?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class={`ed-dialog ed-dialog-${props.size ?? 'medium'}`}
      aria-labelledby={titleId}
      aria-describedby={props.describedBy}
      onClose={props.onClose}
    >
      <header class="ed-dialog-head">
        <h2 id={titleId}>{props.title}</h2>
        <button type="button" class="ed-icon-btn" aria-label="Close" onClick={() => ref.current?.close()}>
          <Icon name="close" />
        </button>
      </header>
      <div class="ed-dialog-body">{props.children}</div>
      {props.footer && <footer class="ed-dialog-foot">{props.footer}</footer>}
    </dialog>
  );
}
