import { ApiError, api } from '../api.ts';
import type { MediaItem } from '../types.ts';

/** Uploads one picture; failures come back as sentences a journalist can act on. */
export async function uploadPicture(file: File): Promise<{ item: MediaItem } | { error: string }> {
  const form = new FormData();
  form.append('file', file, file.name);
  try {
    return { item: await api.upload(form) };
  } catch (error) {
    if (!(error instanceof ApiError)) return { error: `“${file.name}” could not be uploaded.` };
    if (error.status === 413) {
      return { error: `“${file.name}” is too large to upload. ${error.message} Try a smaller export.` };
    }
    if (error.status === 415) {
      return {
        error: `“${file.name}” is not a picture we can use. ${error.message} Use JPEG, PNG, WebP or AVIF.`,
      };
    }
    return { error: `“${file.name}” could not be uploaded: ${error.message}` };
  }
}

/** Files dropped or chosen. Nothing is filtered here: the server sniffs each one and says why not. */
export function filesFrom(list: FileList | null | undefined): File[] {
  return list ? [...list] : [];
}
