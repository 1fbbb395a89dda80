import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

const contentTypes: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

interface Asset {
  body: Buffer;
  type: string;
  hashedPath: string;
}

/**
 * The stylesheet and icons, held in memory and served under content-hashed names so browsers and CDNs
 * may keep them for a year: a changed file gets a new name. (A static-file plugin cannot hash names.)
 */
export class StaticAssets {
  private constructor(private readonly byName: Map<string, Asset>) {}

  static async load(folder: string): Promise<StaticAssets> {
    const byName = new Map<string, Asset>();
    for (const name of await readdir(folder)) {
      const ext = path.extname(name);
      const type = contentTypes[ext];
      if (!type) continue;
      const body = await readFile(path.join(folder, name));
      const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
      byName.set(name, { body, type, hashedPath: `/assets/${path.basename(name, ext)}.${hash}${ext}` });
    }
    return new StaticAssets(byName);
  }

  /** The cache-safe URL of an asset, e.g. /assets/site.3f2a9c1b0d4e.css. */
  url(name: string): string {
    const asset = this.byName.get(name);
    if (!asset) throw new Error(`unknown asset ${name}`);
    return asset.hashedPath;
  }

  register(app: FastifyInstance): void {
    for (const [name, asset] of this.byName) {
      app.get(asset.hashedPath, (_req, reply) =>
        reply
          .type(asset.type)
          .header('cache-control', 'public, max-age=31536000, immutable')
          .send(asset.body),
      );
      // The plain name stays reachable (favicon links, old pages) with a short lifetime.
      app.get(`/assets/${name}`, (_req, reply) =>
        reply.type(asset.type).header('cache-control', 'public, max-age=300').send(asset.body),
      );
    }
  }
}
