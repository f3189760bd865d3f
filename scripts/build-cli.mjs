// Bundles the command line and the Node worker into dist/ so that `npx leadlab` runs plain JavaScript.
// Runs on `npm install` (the `prepare` script) and before the tests and benchmarks.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';

const root = fileURLToPath(new URL('..', import.meta.url));
const entryPoints = { cli: 'src/cli/main.ts' };
// The Node worker thread (issue 5) is bundled beside the CLI when it exists.
if (existsSync(`${root}src/worker/nodeWorker.ts`)) entryPoints.worker = 'src/worker/nodeWorker.ts';

await build({
  absWorkingDir: root,
  entryPoints,
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
});
