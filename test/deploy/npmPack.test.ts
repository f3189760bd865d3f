import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; devDependencies: Record<string, string> };

// npm pack, then `npm install leadlab-x.y.z.tgz` in an empty folder, as a user who was sent the tarball would.
const dir = mkdtempSync(join(tmpdir(), 'leadlab-pack-'));
const project = join(dir, 'user-project');
let packed: { filename: string; size: number; files: { path: string }[] };

function leadlab(args: string[]) {
  return spawnSync(join(project, 'node_modules/.bin/leadlab'), args, { cwd: project, encoding: 'utf8' });
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist/cli.mjs'))) execFileSync(process.execPath, [join(root, 'scripts/build-cli.mjs')]);
  // --ignore-scripts: `prepare` would bundle dist/ again while other suites may be running the command from it.
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8' });
  packed = (JSON.parse(out) as (typeof packed)[])[0];
  execFileSync('mkdir', [project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', private: true }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(dir, packed.filename)], { cwd: project, encoding: 'utf8' });
});

describe('npm pack and install from the tarball', () => {
  it('packs only the command: bin/, the bundle in dist/, package.json and the README', () => {
    expect(packed.filename).toBe(`leadlab-${pkg.version}.tgz`);
    // The command's chunks (dist/cli-*.mjs: what only some commands load, such as the report's charts) ship with it.
    const files = packed.files.map((f) => f.path).sort();
    expect(files.filter((f) => !/^dist\/cli-.+\.mjs$/.test(f))).toEqual(['README.md', 'bin/leadlab.mjs', 'dist/cli.mjs', 'dist/worker.mjs', 'package.json']);
    expect(files.some((f) => /^dist\/cli-report-.+\.mjs$/.test(f))).toBe(true);
  });

  it('installs no development dependency', () => {
    const installed = new Set(readdirSync(join(project, 'node_modules')).flatMap((n) => (n.startsWith('@') ? readdirSync(join(project, 'node_modules', n)).map((m) => `${n}/${m}`) : [n])));
    expect(Object.keys(pkg.devDependencies).filter((d) => installed.has(d))).toEqual([]);
    expect(installed.has('leadlab')).toBe(true);
  });

  it('gives a working `leadlab --help`', () => {
    const help = leadlab(['--help']);
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^Usage: leadlab <command> \[options\]$/m);
    for (const command of ['run', 'sweep', 'merge']) expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it('runs a small scenario with `leadlab run`', () => {
    writeFileSync(join(project, 'small.json'), JSON.stringify({ name: 'Small floor', days: 10, warmupDays: 2, replications: 2, seed: 3 }));
    const run = leadlab(['run', 'small.json', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { metrics: { contactRate: { mean: number; n: number } } };
    expect(result.metrics.contactRate.n).toBe(2);
    expect(result.metrics.contactRate.mean).toBeGreaterThan(0);
    expect(result.metrics.contactRate.mean).toBeLessThan(1);
  });

  it('sweeps on worker threads in shards that merge into the unsharded result', () => {
    writeFileSync(join(project, 'sweep.json'), JSON.stringify({
      name: 'Tarball sweep',
      base: { days: 5, warmupDays: 1, cooldownDays: 2, agents: [{ name: 'Closer', count: 3 }] },
      parameters: { callbacks: ['radar', 'single-call'] },
      replications: 3,
      seed: 11,
    }));
    expect(leadlab(['sweep', 'sweep.json', '--workers', '2', '--out', 'whole']).status).toBe(0);
    for (const shard of ['1/2', '2/2']) expect(leadlab(['sweep', 'sweep.json', '--workers', '2', '--shard', shard]).status).toBe(0);
    const merge = leadlab(['merge', 'sweep.shard-1-of-2.json', 'sweep.shard-2-of-2.json', '--out', 'merged']);
    expect(merge.status, merge.stderr).toBe(0);
    for (const suffix of ['.json', '.runs.csv', '.combinations.csv']) {
      expect(readFileSync(join(project, `merged${suffix}`), 'utf8')).toBe(readFileSync(join(project, `whole${suffix}`), 'utf8'));
    }
  });

  it('has a `prepare` script that does nothing where the build script is not shipped', () => {
    const installed = join(project, 'node_modules/leadlab');
    const before = readFileSync(join(installed, 'dist/cli.mjs'));
    const prepare = spawnSync('npm', ['run', 'prepare'], { cwd: installed, encoding: 'utf8' });
    expect(prepare.status, prepare.stderr).toBe(0);
    expect(readFileSync(join(installed, 'dist/cli.mjs')).equals(before)).toBe(true);
  });
});
