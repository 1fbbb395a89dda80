import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { articleAudio, settings } from '../../db/schema/index.ts';
import { type AudioTrack, voiceSettingKey } from './audio.ts';

export type NewAudioTrack = Omit<AudioTrack, 'createdAt'>;

export class AudioRepository {
  constructor(private readonly db: Database) {}

  async track(articleId: number): Promise<AudioTrack | undefined> {
    const [row] = await this.db
      .select()
      .from(articleAudio)
      .where(eq(articleAudio.articleId, articleId))
      .limit(1);
    return row;
  }

  async tracks(articleIds: readonly number[]): Promise<AudioTrack[]> {
    if (articleIds.length === 0) return [];
    return this.db
      .select()
      .from(articleAudio)
      .where(inArray(articleAudio.articleId, [...articleIds]));
  }

  /** Engine and voice of every recording, to find the ones a voice change makes out of date. */
  async voices(): Promise<{ articleId: number; engine: string; voice: string }[]> {
    return this.db
      .select({ articleId: articleAudio.articleId, engine: articleAudio.engine, voice: articleAudio.voice })
      .from(articleAudio);
  }

  async save(track: NewAudioTrack, now: Date): Promise<void> {
    const values = { ...track, createdAt: now };
    await this.db
      .insert(articleAudio)
      .values(values)
      .onConflictDoUpdate({ target: articleAudio.articleId, set: values });
  }

  async remove(articleId: number): Promise<void> {
    await this.db.delete(articleAudio).where(eq(articleAudio.articleId, articleId));
  }

  /** The site voice chosen in the newsroom (settings table, key `audio.voice`). */
  async voiceSetting(): Promise<string | undefined> {
    const [row] = await this.db.select().from(settings).where(eq(settings.key, voiceSettingKey)).limit(1);
    return typeof row?.value === 'string' ? row.value : undefined;
  }

  async saveVoiceSetting(voice: string, now: Date): Promise<void> {
    await this.db
      .insert(settings)
      .values({ key: voiceSettingKey, value: voice, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value: voice, updatedAt: now } });
  }
}
