import { z } from 'zod';

/**
 * The operator's distribution settings, from the environment:
 * - FEED_CONTENT=full|summary (default full): whole articles in feeds, or the standfirst only;
 * - WEBSUB_HUB=https://… (optional): the WebSub hub told about every change, and advertised in feeds.
 */
export interface DistributionSettings {
  feedContent: 'full' | 'summary';
  websubHub: string | null;
}

const envSchema = z.object({
  FEED_CONTENT: z.enum(['full', 'summary']).default('full'),
  WEBSUB_HUB: z
    .url({ protocol: /^https?$/ })
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

export function distributionSettings(env: Record<string, string | undefined>): DistributionSettings {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return { feedContent: parsed.data.FEED_CONTENT, websubHub: parsed.data.WEBSUB_HUB ?? null };
}
