import type { TextPiece } from '../../modules/search/index.ts';

/** Text with the searched-for words in <mark>: built from pieces, so article text is never parsed as HTML. */
export function Highlighted({ pieces }: { pieces: readonly TextPiece[] }) {
  return <>{pieces.map((piece) => (piece.match ? <mark>{piece.text}</mark> : piece.text))}</>;
}
