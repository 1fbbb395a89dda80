import { useRef, useState } from 'preact/hooks';
import type { EditorServices } from '../services.ts';
import type { MediaItem } from '../types.ts';
import { useDebounced } from './hooks.ts';
import { Icon } from './icons.tsx';
import { MediaDetails } from './MediaDetails.tsx';
import { Modal } from './Modal.tsx';
import { useMediaList } from './media-list.ts';
import { filesFrom, uploadPicture } from './upload.ts';

type Message = { kind: 'error' | 'info'; text: string };

interface Props {
  purpose: 'body' | 'lead';
  services: EditorServices;
  /** The picture already in use (the lead image), shown selected. */
  current: MediaItem | null;
  onPick(item: MediaItem): void;
  onSaved(item: MediaItem): void;
  onClose(): void;
}

/** Search, upload (drop or choose), describe and pick pictures. */
export function MediaLibrary(props: Props) {
  const [query, setQuery] = useState('');
  const settled = useDebounced(query, 250);
  const list = useMediaList(settled.trim(), props.services);
  const [selected, setSelected] = useState<MediaItem | null>(props.current);
  const [messages, setMessages] = useState<Message[]>([]);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const saved = (item: MediaItem) => {
    list.put(item);
    setSelected(item);
    props.onSaved(item);
  };

  const upload = async (files: File[]) => {
    if (files.length === 0) return;
    setMessages(files.map((file) => ({ kind: 'info', text: `Uploading “${file.name}”…` })));
    const results = await Promise.all(files.map(uploadPicture));
    const next: Message[] = [];
    for (const result of results) {
      if ('error' in result) next.push({ kind: 'error', text: result.error });
      else {
        list.prepend(result.item);
        setSelected(result.item);
        next.push({
          kind: 'info',
          text: 'Uploaded. Add alt text, a caption and a credit before you use it.',
        });
      }
    }
    setMessages(next);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void upload(filesFrom(event.dataTransfer?.files));
  };
  const items = list.items;
  const shown = selected && !items.some((item) => item.id === selected.id) ? [selected, ...items] : items;
  const loading = list.loading;

  const footer = (
    <>
      <button type="button" class="ed-btn ed-btn-quiet" onClick={props.onClose}>
        Cancel
      </button>
      <button
        type="button"
        class="ed-btn ed-btn-primary"
        disabled={!selected}
        onClick={() => selected && props.onPick(selected)}
      >
        {props.purpose === 'lead' ? 'Use as lead picture' : 'Insert picture'}
      </button>
    </>
  );

  return (
    <Modal title="Media library" onClose={props.onClose} size="large" footer={footer}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target for files; the Upload button is the keyboard way */}
      <div
        class={`ed-library${dragging ? ' ed-library-drop' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={(event) => {
          if (event.currentTarget === event.target) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <div class="ed-library-bar">
          <div class="ed-search">
            <Icon name="search" />
            <input
              type="search"
              aria-label="Search pictures by alt text, caption or credit"
              placeholder="Search alt text, caption, credit"
              value={query}
              onInput={(e) => setQuery(e.currentTarget.value)}
            />
          </div>
          <input
            ref={fileInput}
            type="file"
            accept="image/*"
            multiple
            class="ed-visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(e) => {
              void upload(filesFrom(e.currentTarget.files));
              e.currentTarget.value = '';
            }}
          />
          <button type="button" class="ed-btn" onClick={() => fileInput.current?.click()}>
            <Icon name="upload" /> Upload pictures
          </button>
        </div>
        <p class="ed-drop-hint">Drop pictures anywhere here to upload them.</p>
        <div role="status" aria-live="polite">
          {list.error && <p class="ed-error-box">{list.error}</p>}
          {messages.map((message) => (
            <p key={message.text} class={message.kind === 'error' ? 'ed-error-box' : 'ed-info-box'}>
              {message.text}
            </p>
          ))}
        </div>
        <div class="ed-library-main">
          <div class="ed-library-grid-wrap">
            <ul class="ed-library-grid" aria-label="Pictures" aria-busy={loading ? 'true' : undefined}>
              {shown.map((item) => (
                <li key={item.id}>
                  <button
                    type="button"
                    class="ed-library-item"
                    aria-pressed={selected?.id === item.id}
                    aria-label={
                      item.alt ? `Select: ${item.alt}` : `Select picture ${item.id} (no alt text yet)`
                    }
                    onClick={() => setSelected(item)}
                    onDblClick={() => props.onPick(item)}
                  >
                    <img src={item.thumbUrl} alt="" loading="lazy" />
                    {!item.alt && <span class="ed-badge-warn">No alt text</span>}
                  </button>
                </li>
              ))}
            </ul>
            {!loading && shown.length === 0 && <p class="ed-empty">No pictures match. Upload one?</p>}
            {list.hasMore && (
              <button
                type="button"
                class="ed-btn ed-btn-quiet ed-more"
                disabled={loading}
                onClick={list.more}
              >
                Show more pictures
              </button>
            )}
          </div>
          <div class="ed-library-side">
            {selected ? (
              <MediaDetails item={selected} onSaved={saved} />
            ) : (
              <p class="ed-empty">Choose a picture to see and edit its details.</p>
            )}
          </div>
        </div>
      </div>
    </Modal>
  );
}
