import type { ComponentChildren } from 'preact';

/** A picture with its caption, and the credit set apart as "Picture: <credit>". */
export function Figure(props: {
  children: ComponentChildren;
  caption: string;
  credit: string;
  class?: string;
}) {
  const { caption, credit } = props;
  return (
    <figure class={props.class}>
      {props.children}
      {(caption || credit) && (
        <figcaption>
          {caption && <span class="caption">{caption}</span>}
          {credit && <span class="credit">Picture: {credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}
