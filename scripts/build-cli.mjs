// Bundles the command line and the Node worker into dist/ so that `npx leadlab` runs plain JavaScript.
// Runs on `npm install` (the `prepare` script) and before the tests and benchmarks.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { existsSync, readdirSync, rmSync } from 'node:fs';

const root = fileURLToPath(new URL('..', import.meta.url));
const common = {
  absWorkingDir: root,
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Plot and papaparse are loaded from node_modules at run time; everything of ours is bundled.
  packages: 'external',
};

// The command is split at its dynamic imports, so that what only some commands need (Plot for reports, the SVG
// document) loads only when they run: a command that draws nothing starts without them (issue 16). Chunks of an
// earlier build (their names carry a hash) are removed first, so that `npm pack` ships only the current ones.
if (existsSync(`${root}dist`)) for (const f of readdirSync(`${root}dist`)) if (/^cli-.*\.mjs(\.map)?$/.test(f)) rmSync(`${root}dist/${f}`);
await build({ ...common, entryPoints: { cli: 'src/cli/main.ts' }, splitting: true, chunkNames: 'cli-[name]-[hash]' });
// The Node worker thread (issue 5) is bundled beside the CLI when it exists, whole: it loads nothing it does not use.
if (existsSync(`${root}src/worker/nodeWorker.ts`)) await build({ ...common, entryPoints: { worker: 'src/worker/nodeWorker.ts' } });
