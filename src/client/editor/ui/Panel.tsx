import type { ComponentChildren } from 'preact';

/** A sidebar section. Rarely used ones fold away (native <details>, so it works by keyboard too). */
export function Panel(props: {
  title: string;
  children: ComponentChildren;
  folded?: boolean;
  summary?: string;
}) {
  if (props.folded === undefined) {
    return (
      <section class="ed-panel" aria-label={props.title}>
        <h2 class="ed-panel-title">{props.title}</h2>
        {props.children}
      </section>
    );
  }
  return (
    <details class="ed-panel" open={!props.folded}>
      <summary class="ed-panel-title">
        {props.title}
        {props.summary && <span class="ed-panel-summary">{props.summary}</span>}
      </summary>
      {props.children}
    </details>
  );
}
