import type { ComponentChildren } from 'preact';

/**
 * Line icons drawn for this editor (24 px grid, 1.8 px strokes, currentColor), so the bundle carries no
 * icon font. Always decorative: every button that shows one has its own aria-label.
 */

function Svg({ children }: { children: ComponentChildren }) {
  return (
    <svg
      class="ed-icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {children}
    </svg>
  );
}

const paths = {
  bold: <path d="M7 5h6a3.5 3.5 0 0 1 0 7H7zM7 12h7a3.5 3.5 0 0 1 0 7H7z" stroke-width="2.4" />,
  italic: <path d="M14 5h-4M14 19h-4M14.5 5l-5 14" stroke-width="2" />,
  link: (
    <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
  ),
  bulletList: <path d="M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01" stroke-width="2.2" />,
  orderedList: (
    <path
      d="M10 6h10M10 12h10M10 18h10M4 5l1.5-1v5M3.5 14.5a1.5 1.5 0 1 1 2.5 1.2L3.5 19H6.5"
      stroke-width="1.6"
    />
  ),
  quote: <path d="M4 11h4v6H4zM4 11c0-3 1.5-5 4-6M14 11h4v6h-4zM14 11c0-3 1.5-5 4-6" stroke-width="1.7" />,
  pullquote: <path d="M4 4h16M4 20h16M7 9h3v5H7zM7 9c0-1.5.7-2.5 2-3M14 9h3v5h-3zM14 9c0-1.5.7-2.5 2-3" />,
  divider: <path d="M3 12h18M8 6h8M8 18h8" />,
  image: (
    <>
      <rect x="3" y="4.5" width="18" height="15" rx="2" />
      <path d="M3 16l5-5 4 4 3-3 6 6" />
      <circle cx="15.5" cy="9" r="1.5" />
    </>
  ),
  embed: (
    <>
      <rect x="3" y="5" width="18" height="14" rx="3" />
      <path d="M10 9.5v5l4.5-2.5z" fill="currentColor" />
    </>
  ),
  readMore: <path d="M4 7h9M4 12h6M4 17h9M15 9l4 3-4 3M19 12h-8" />,
  teaser: (
    <>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <rect x="6" y="8" width="5" height="8" rx="1" />
      <path d="M14 9h4M14 12h4M14 15h2.5" />
    </>
  ),
  factbox: (
    <>
      <rect x="3.5" y="3.5" width="17" height="17" rx="2" />
      <path d="M7.5 8h9M8 12h.01M11 12h5.5M8 16h.01M11 16h5.5" />
    </>
  ),
  undo: <path d="M9 14L4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3" />,
  redo: <path d="M15 14l5-5-5-5M20 9H10a6 6 0 0 0 0 12h3" />,
  up: <path d="M12 19V5M6 11l6-6 6 6" />,
  down: <path d="M12 5v14M6 13l6 6 6-6" />,
  trash: <path d="M4 7h16M9 7V4.5h6V7M6.5 7l1 13h9l1-13M10 11v6M14 11v6" />,
  external: <path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />,
  history: <path d="M3 12a9 9 0 1 0 3-6.7L3 8M3 3v5h5M12 7v5l3 3" />,
  upload: <path d="M12 16V4M7 9l5-5 5 5M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3" />,
  close: <path d="M6 6l12 12M18 6L6 18" />,
  search: <path d="M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM20 20l-4.8-4.8" />,
  warning: <path d="M12 4l9 16H3zM12 10v4M12 17h.01" />,
  check: <path d="M5 12.5l4.5 4.5L19 7" />,
  replace: <path d="M4 9a8 8 0 0 1 14-3l2 2M20 4v4h-4M20 15a8 8 0 0 1-14 3l-2-2M4 20v-4h4" />,
  plus: <path d="M12 5v14M5 12h14" />,
  grip: <path d="M9 6h.01M15 6h.01M9 12h.01M15 12h.01M9 18h.01M15 18h.01" stroke-width="2.6" />,
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name }: { name: IconName }) {
  return <Svg>{paths[name]}</Svg>;
}
