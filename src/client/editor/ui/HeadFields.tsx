import { useLayoutEffect, useRef } from 'preact/hooks';
import type { EditorSession } from '../session.ts';

/** Grows a textarea with its text (the CSS `field-sizing` does this where supported). */
function useAutosize(value: string) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const area = ref.current;
    if (!area || CSS.supports('field-sizing', 'content')) return;
    area.style.height = 'auto';
    area.style.height = `${area.scrollHeight}px`;
  }, [value]);
  return ref;
}

/** Headline and standfirst, set like the reader page so the journalist sees the story as it will read. */
export function HeadFields({ session }: { session: EditorSession }) {
  const { headline, standfirst } = session.fields;
  const headlineRef = useAutosize(headline);
  const standfirstRef = useAutosize(standfirst);
  const disabled = !session.canEdit;
  // A headline is one line of text: Enter moves on to the standfirst instead of adding a line break.
  const onHeadlineKey = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    standfirstRef.current?.focus();
  };
  const onStandfirstKey = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    document.querySelector<HTMLElement>('.ed-body')?.focus();
  };
  return (
    <div class="ed-head">
      <label class="ed-head-field">
        <span class="ed-field-label">Headline</span>
        <textarea
          ref={headlineRef}
          class="ed-headline"
          rows={1}
          value={headline}
          disabled={disabled}
          placeholder="Headline"
          onInput={(e) => session.update({ headline: e.currentTarget.value.replace(/\n/g, ' ') })}
          onKeyDown={onHeadlineKey}
        />
      </label>
      <label class="ed-head-field">
        <span class="ed-field-label">Standfirst</span>
        <textarea
          ref={standfirstRef}
          class="ed-standfirst"
          rows={1}
          value={standfirst}
          disabled={disabled}
          placeholder="One sentence that tells the story"
          onInput={(e) => session.update({ standfirst: e.currentTarget.value.replace(/\n/g, ' ') })}
          onKeyDown={onStandfirstKey}
        />
      </label>
    </div>
  );
}
