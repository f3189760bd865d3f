#!/usr/bin/env node
// The `leadlab` command. The TypeScript sources are bundled into dist/ by `npm install` (the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
if (!existsSync(cli)) {
  console.error('leadlab: dist/cli.mjs is missing. Run `npm install` (or `npm run build:cli`) in the project folder first.');
  process.exit(1);
}
const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv.slice(2));
