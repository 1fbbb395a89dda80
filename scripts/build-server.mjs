// Compiles the server (src/, less the browser code in src/client and the tests) to plain JavaScript in
// dist/, one file per source file with the same folder layout, so paths a module finds beside itself
// (../../migrations, ../../public/assets) hold there too. `npm start` runs dist/main.js: the tsx loader
// that runs the sources directly keeps a compiler process and a loader thread alive beside the site,
// about 75 MB of resident memory a production process does not need.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist');

/** Every server source file: .ts and .tsx under src/, not src/client/, not tests. */
function sources(dir) {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return relative === path.join('src', 'client') ? [] : sources(relative);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

/**
 * Each file is built on its own: imports of other source files stay imports, renamed from .ts/.tsx to
 * .js; packages stay imports of node_modules. Nothing is bundled, so the output reads like the source.
 */
const keepImports = {
  name: 'keep-imports',
  setup(builder) {
    builder.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      return { path: args.path.replace(/\.tsx?$/, '.js'), external: true };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: sources('src'),
  outbase: 'src',
  outdir,
  outExtension: { '.js': '.js' },
  bundle: true,
  plugins: [keepImports],
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  logLevel: 'warning',
});
