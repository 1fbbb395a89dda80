import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import type { MediaItem } from '../types.ts';
import { TextField } from './fields.tsx';

const round = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;

/**
 * One picture's library details: alt text, caption, credit, and the focal point that crops keep in view.
 * Click (or use the arrow keys on) the preview to move the focal point; it is saved straight away.
 */
export function MediaDetails({ item, onSaved }: { item: MediaItem; onSaved(item: MediaItem): void }) {
  const [alt, setAlt] = useState(item.alt);
  const [caption, setCaption] = useState(item.caption);
  const [credit, setCredit] = useState(item.credit);
  const [focal, setFocal] = useState({ x: item.focalX, y: item.focalY });
  const [status, setStatus] = useState('');

  useEffect(() => {
    setAlt(item.alt);
    setCaption(item.caption);
    setCredit(item.credit);
    setFocal({ x: item.focalX, y: item.focalY });
    setStatus('');
  }, [item.id]);

  const patch = async (changes: Parameters<typeof api.updateMedia>[1], done: string) => {
    setStatus('Saving…');
    try {
      const saved = await api.updateMedia(item.id, changes);
      onSaved(saved);
      setStatus(done);
    } catch (error) {
      setStatus(messageOf(error));
    }
  };
  const moveFocal = (x: number, y: number) => {
    const next = { x: round(x), y: round(y) };
    setFocal(next);
    void patch({ focalX: next.x, focalY: next.y }, 'Focal point saved.');
  };
  const onClick = (event: MouseEvent) => {
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    moveFocal((event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height);
  };
  const onKey = (event: KeyboardEvent) => {
    const step = event.shiftKey ? 0.1 : 0.02;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    moveFocal(focal.x + move[0], focal.y + move[1]);
  };
  const dirty = alt !== item.alt || caption !== item.caption || credit !== item.credit;
  const save = (event: Event) => {
    event.preventDefault();
    void patch({ alt: alt.trim(), caption: caption.trim(), credit: credit.trim() }, 'Details saved.');
  };

  return (
    <form class="ed-media-details" onSubmit={save}>
      <button
        type="button"
        class="ed-focal"
        aria-label={`Focal point: ${Math.round(focal.x * 100)}% across, ${Math.round(focal.y * 100)}% down. Click the picture or use the arrow keys to move it.`}
        onClick={onClick}
        onKeyDown={onKey}
      >
        <img src={item.previewUrl} alt="" width={item.width} height={item.height} />
        <span
          class="ed-focal-dot"
          style={`left:${focal.x * 100}%;top:${focal.y * 100}%`}
          aria-hidden="true"
        />
      </button>
      <p class="ed-hint">
        {item.width} × {item.height} px · click the picture to set the point crops keep in view.
      </p>
      <TextField
        label="Alt text (required to publish)"
        value={alt}
        onValue={setAlt}
        placeholder="What the picture shows, for people who cannot see it"
        hint={
          alt.trim() === '' ? (
            <span class="ed-warn-text">Alt text is required before publishing.</span>
          ) : undefined
        }
      />
      <TextField
        label="Caption"
        multiline
        value={caption}
        onValue={setCaption}
        placeholder="A full sentence of context"
      />
      <TextField label="Credit" value={credit} onValue={setCredit} placeholder="e.g. Picture: Alamy" />
      <div class="ed-form-actions">
        <span class="ed-hint" role="status">
          {status}
        </span>
        <button type="submit" class="ed-btn" disabled={!dirty}>
          Save details
        </button>
      </div>
    </form>
  );
}
