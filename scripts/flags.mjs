// The command line of the scripts in this folder: `flag('replications', 20)` is the word after --replications, or the
// default; `has('corners')` whether --corners was given; `root` the repository's folder.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

export function flag(name, def) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
}

export const has = (name) => args.includes(`--${name}`);
