import { type ComponentChildren, h } from 'preact';

interface FormFrameProps {
  title: string;
  intro?: string;
  error?: string;
  notice?: string;
  action: string;
  token: string;
  submit: string;
  children?: ComponentChildren;
  footer?: ComponentChildren;
}

/** The card every signed-out form sits in. */
export function AuthForm(props: FormFrameProps) {
  return (
    <section class="auth-card" aria-labelledby="auth-title">
      <h1 id="auth-title">{props.title}</h1>
      {props.intro && <p class="auth-intro">{props.intro}</p>}
      {props.error && (
        <p class="form-error" role="alert">
          {props.error}
        </p>
      )}
      {props.notice && (
        <p class="form-notice" role="status">
          {props.notice}
        </p>
      )}
      <form method="post" action={props.action} class="stack">
        <input type="hidden" name="_csrf" value={props.token} />
        {props.children}
        <button type="submit" class="button primary">
          {props.submit}
        </button>
      </form>
      {props.footer}
    </section>
  );
}

export function Field(props: {
  label: string;
  name: string;
  type?: 'text' | 'email' | 'password';
  value?: string;
  autocomplete?: string;
  required?: boolean;
  hint?: string;
  minLength?: number;
}) {
  const id = `field-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {h('input', {
        id,
        name: props.name,
        type: props.type ?? 'text',
        value: props.value,
        autocomplete: props.autocomplete,
        required: props.required,
        minLength: props.minLength,
        'aria-describedby': props.hint ? `${id}-hint` : undefined,
      })}
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
    </div>
  );
}
