// The Dockerfile, built for real with podman (Debian's, as root here) on a stand-in for the Node base image, since
// no container registry is reachable (test/deploy/podman.ts). The pods of deploy/k8s then run in that image, with
// the manifest's own commands, user and read-only root file system.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { findObject, jobPod, loadManifest } from './manifest';
import { podman, podmanEnv, podmanUnavailable, standInNodeImage } from './podman';

const root = new URL('../..', import.meta.url).pathname;
const image = `localhost/leadlab:test-${process.pid}`;
const dir = mkdtempSync(join(tmpdir(), 'leadlab-image-'));
let env: NodeJS.ProcessEnv = process.env;
let unavailable: string | null = null;

beforeAll(() => {
  if (process.platform !== 'linux') unavailable = 'the stand-in base image is made from this machine\'s Linux files';
  else {
    env = podmanEnv(dir);
    unavailable = podmanUnavailable(env, join(dir, 'rootfs'));
  }
  if (unavailable) {
    console.warn(`test/deploy/image.test.ts: skipped, ${unavailable}`);
    return;
  }
  // The host's npm cache is mounted so that npm ci in the build stage takes the locked packages from it.
  // --layers=false keeps no intermediate images; afterAll removes the two this file made.
  const build = podman(['build', '--layers=false', '--network', 'host', '--volume', `${join(homedir(), '.npm')}:/root/.npm`,
    '--build-arg', `NODE_IMAGE=${standInNodeImage}`, '--tag', image, '--file', join(root, 'Dockerfile'), root], env);
  if (build.status !== 0) throw new Error(`podman build failed:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
}, 20 * 60_000);

afterAll(() => {
  if (!unavailable) podman(['rmi', '--force', image, standInNodeImage], env);
  // The stand-in's root file system holds a copy of node and npm (about 120 MB).
  rmSync(dir, { recursive: true, force: true });
});

function skipWithoutPodman(ctx: TestContext): void {
  if (unavailable) ctx.skip(unavailable);
}

/** `podman run` of the image as the manifests run it: user 1000, read-only root, no network. */
function runInImage(args: string[], options: { mounts?: Record<string, string>; env?: Record<string, string>; entrypoint?: string } = {}) {
  const flags = ['run', '--rm', '--network', 'none', '--user', '1000:1000', '--read-only', '--read-only-tmpfs=false'];
  for (const [host, inside] of Object.entries(options.mounts ?? {})) flags.push('--volume', `${host}:${inside}`);
  for (const [name, value] of Object.entries(options.env ?? {})) flags.push('--env', `${name}=${value}`);
  if (options.entrypoint) flags.push('--entrypoint', options.entrypoint);
  return podman([...flags, image, ...args], env);
}

/** A container's `command` after its first word, then its `args`: what follows the entrypoint in `podman run`. */
function podArgs(container: { command?: string[]; args?: string[] }): string[] {
  return [...(container.command ?? []).slice(1), ...(container.args ?? [])];
}

describe('the Dockerfile', () => {
  it('builds an image whose entrypoint is leadlab, run as the unprivileged node user, showing the help by default', (ctx) => {
    skipWithoutPodman(ctx);
    const config = podman(['image', 'inspect', '--format', '{{.Config.User}} {{json .Config.Entrypoint}} {{json .Config.Cmd}}', image], env);
    expect(config.stdout.trim()).toBe('node ["leadlab"] ["--help"]');
    const help = podman(['run', '--rm', '--network', 'none', image], env);
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^Usage: leadlab <command> \[options\]$/m);
    const whoami = podman(['run', '--rm', '--network', 'none', '--entrypoint', 'id', image, '-u'], env);
    expect(whoami.stdout.trim()).toBe('1000');
  });

  it('holds only what runs: the bundle, bin/ and the runtime dependencies, no sources and no development dependency', (ctx) => {
    skipWithoutPodman(ctx);
    const listing = runInImage(['-c', 'ls /opt/leadlab; echo --; cd /opt/leadlab/node_modules && ls -d * @*/*'], { entrypoint: 'sh' });
    expect(listing.status, listing.stderr).toBe(0);
    const [top, modules] = listing.stdout.split('--\n');
    expect(top.trim().split(/\s+/).sort()).toEqual(['bin', 'dist', 'node_modules', 'package.json']);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const names = new Set(modules.split(/\s+/));
    for (const dependency of Object.keys(pkg.dependencies)) expect(names.has(dependency), dependency).toBe(true);
    expect(Object.keys(pkg.devDependencies).filter((d) => names.has(d))).toEqual([]);
  });

  it('runs `leadlab run` on a scenario in the mounted working folder', (ctx) => {
    skipWithoutPodman(ctx);
    const work = join(dir, 'work');
    mkdirSync(work);
    writeFileSync(join(work, 'small.json'), JSON.stringify({ name: 'Small floor', days: 10, warmupDays: 2, replications: 2, seed: 3 }));
    const run = runInImage(['run', 'small.json', '--json'], { mounts: { [work]: '/work' } });
    expect(run.status, run.stderr).toBe(0);
    const host = spawnSync(process.execPath, [join(root, 'bin/leadlab.mjs'), 'run', 'small.json', '--json'], { cwd: work, encoding: 'utf8' });
    // The same scenario and seed give the same result, bit for bit, in the image and out of it; only the clock differs.
    const withoutClock = (text: string) => ({ ...(JSON.parse(text) as object), wallSeconds: undefined });
    expect(withoutClock(run.stdout)).toEqual(withoutClock(host.stdout));
  });

  it('runs the Kubernetes sweep Job\'s command once per index and the merge Job\'s, giving what one unsharded sweep gives', (ctx) => {
    skipWithoutPodman(ctx);
    const objects = loadManifest(join(root, 'deploy/k8s/sweep-job.yaml'));
    const sweepJob = findObject(objects, 'Job', 'leadlab-sweep');
    const mergeJob = findObject(loadManifest(join(root, 'deploy/k8s/merge-job.yaml')), 'Job', 'leadlab-merge');
    const sweep = join(dir, 'sweep');
    const results = join(dir, 'results');
    mkdirSync(sweep);
    mkdirSync(results);
    chmodSync(results, 0o777);
    writeFileSync(join(sweep, 'sweep.json'), (findObject(objects, 'ConfigMap', 'leadlab-sweep').data as Record<string, string>)['sweep.json']);
    const mounts = { [sweep]: '/sweep:ro', [results]: '/results' };
    const { completions } = sweepJob.spec as { completions: number };
    const [sweepContainer] = jobPod(sweepJob).containers;
    const [mergeContainer] = jobPod(mergeJob).containers;
    for (let index = 0; index < completions; index++) {
      const pod = runInImage(podArgs(sweepContainer), { entrypoint: sweepContainer.command![0], mounts, env: { JOB_COMPLETION_INDEX: String(index) } });
      expect(pod.status, `pod ${index}: ${pod.stderr}`).toBe(0);
    }
    const merge = runInImage(podArgs(mergeContainer), { entrypoint: mergeContainer.command![0], mounts: { [results]: '/results' } });
    expect(merge.status, merge.stderr).toBe(0);
    const host = spawnSync(process.execPath, [join(root, 'bin/leadlab.mjs'), 'sweep', join(sweep, 'sweep.json'), '--out', join(dir, 'whole')], { encoding: 'utf8' });
    expect(host.status, host.stderr).toBe(0);
    for (const suffix of ['.json', '.runs.csv', '.combinations.csv']) {
      expect(readFileSync(join(results, `sweep-results${suffix}`)).equals(readFileSync(join(dir, `whole${suffix}`))), suffix).toBe(true);
    }
  });
});
