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
};
// Plot (for reports) is loaded from node_modules at run time, and only by the commands that draw. The rest is bundled,
// papaparse too: a CommonJS module loaded at run time goes through Node's export lexer, whose loop V8 compiles twice
// in every thread that loads it (30-70 ms of compiling in each worker of a sweep, issue 16); bundled, it is plain code.
const external = ['@observablehq/plot'];

// The command is split at its dynamic imports, so that what only some commands need (Plot for reports, the SVG
// document) loads only when they run: a command that draws nothing starts without them (issue 16). Chunks of an
// earlier build (their names carry a hash) are removed first, so that `npm pack` ships only the current ones.
if (existsSync(`${root}dist`)) for (const f of readdirSync(`${root}dist`)) if (/^cli-.*\.mjs(\.map)?$/.test(f)) rmSync(`${root}dist/${f}`);
await build({ ...common, external, entryPoints: { cli: 'src/cli/main.ts' }, splitting: true, chunkNames: 'cli-[name]-[hash]' });
// The Node worker thread (issue 5) is bundled beside the CLI when it exists, whole: it loads nothing it does not use.
if (existsSync(`${root}src/worker/nodeWorker.ts`)) await build({ ...common, external, entryPoints: { worker: 'src/worker/nodeWorker.ts' } });
