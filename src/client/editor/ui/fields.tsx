import type { ComponentChildren } from 'preact';
import { useUniqueId } from './hooks.ts';

/** Labelled form fields. The label wraps the control, so every control has an accessible name. */

interface TextFieldProps {
  label: string;
  value: string;
  onValue(value: string): void;
  placeholder?: string;
  hint?: ComponentChildren;
  multiline?: boolean;
  rows?: number;
  /** Shows "12/60" and turns amber past the limit (a guide, not a hard stop). */
  limit?: number;
  class?: string;
  disabled?: boolean;
  onBlur?: () => void;
}

export function TextField(props: TextFieldProps) {
  const { label, value, onValue, placeholder, hint, multiline, rows, limit, disabled } = props;
  const over = limit !== undefined && value.length > limit;
  const onInput = (event: Event) => onValue((event.currentTarget as HTMLInputElement).value);
  const id = useUniqueId();
  const control = {
    id,
    value,
    placeholder,
    onInput,
    onBlur: props.onBlur,
    disabled,
    'aria-describedby': hint ? `${id}-hint` : undefined,
  };
  return (
    <div class={`ed-field ${props.class ?? ''}`}>
      <label class="ed-field-label" for={id}>
        {label}
        {limit !== undefined && (
          <span class={over ? 'ed-count ed-count-over' : 'ed-count'}>
            {value.length}/{limit}
          </span>
        )}
      </label>
      {multiline ? <textarea rows={rows ?? 2} {...control} /> : <input type="text" {...control} />}
      {hint && (
        <span class="ed-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );
}
