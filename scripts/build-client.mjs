// Builds the browser bundles into public/assets: today the admin editor (src/client/editor/main.ts →
// public/assets/editor.js). `node scripts/build-client.mjs --dev` keeps names readable and adds a source map.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');

const bundles = [
  { name: 'editor', entry: 'src/client/editor/main.ts' },
  // Reader islands (each must stay under 15 KB gzip): search-as-you-type and the reading beacon.
  { name: 'search', entry: 'src/client/search/main.ts' },
  { name: 'views', entry: 'src/client/views/main.ts' },
  // "Listen to this article": the audio player and sentence highlighting.
  { name: 'player', entry: 'src/client/player/main.ts' },
  // Live blogs: pushed updates on the reader page, and the newsroom's live console.
  { name: 'liveblog', entry: 'src/client/liveblog/main.ts' },
  { name: 'live-console', entry: 'src/client/live-console/main.ts' },
  // Live updates: one Server-Sent Events stream per page, and the breaking-news banner it keeps current.
  { name: 'live', entry: 'src/client/live-stream/main.ts' },
  { name: 'breaking', entry: 'src/client/breaking/main.ts' },
  // Breaking-news alerts: the opt-in button in the footer (Web Push).
  { name: 'push-optin', entry: 'src/client/push-optin/main.ts' },
];

const result = await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(bundles.map((bundle) => [bundle.name, bundle.entry])),
  outdir: 'public/assets',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2022', 'chrome111', 'firefox113', 'safari16.4'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  minify: !dev,
  sourcemap: dev ? 'linked' : false,
  define: { 'process.env.NODE_ENV': dev ? '"development"' : '"production"' },
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
});

// The push service worker, served at /sw.js (http/site/push.routes.ts): a classic script, because not
// every browser takes module service workers yet.
const worker = await build({
  absWorkingDir: root,
  entryPoints: { sw: 'src/client/service-worker/sw.ts' },
  outdir: 'public/assets',
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2022', 'chrome111', 'firefox113', 'safari16.4'],
  minify: !dev,
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
});

const outputs = [...Object.keys(result.metafile.outputs), ...Object.keys(worker.metafile.outputs)];
for (const file of outputs.filter((name) => name.endsWith('.js'))) {
  const code = readFileSync(path.join(root, file));
  // The site's Content-Security-Policy forbids eval: a bundle that needs it would fail only in the browser.
  if (/\beval\(|new Function\(/.test(code.toString())) {
    console.error(`${file} uses eval or new Function, which the Content-Security-Policy blocks.`);
    process.exit(1);
  }
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`${file}: ${kb(code.length)} raw, ${kb(gzipSync(code, { level: 9 }).length)} gzip`);
}
