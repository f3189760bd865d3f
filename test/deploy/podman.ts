// Podman from Debian's archive, as root in a sandbox, and a stand-in for the Node base image.
//
// This machine reaches no container registry, so `node:20-bookworm-slim` cannot be pulled. The stand-in holds what
// the Dockerfile relies on in that image: node and npm under /usr/local, a POSIX shell (busybox), /usr/bin/env for
// the `#!/usr/bin/env node` line, and a `node` user with uid 1000. It is built from this machine's own Node, so the
// image build is checked against the same Node version the rest of the suite runs on.
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Tagged per process: two test runs at once (two worktrees) must not remove or replace each other's images.
export const standInNodeImage = `localhost/leadlab-test-node:20-${process.pid}`;

/** Hard limits of this process: the sandbox forbids raising them, and podman's defaults for root would. */
function hardLimit(name: string): string {
  const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((l) => l.startsWith(name));
  const value = line?.slice(26).trim().split(/\s+/)[1];
  if (!value) throw new Error(`/proc/self/limits has no "${name}" line`);
  return value === 'unlimited' ? '1048576' : value;
}

/**
 * A containers.conf for this sandbox: runc with cgroupfs (crun refuses the hybrid cgroup layout here) and ulimits no
 * higher than the hard limits we already have. A machine with a real container setup needs none of this.
 */
export function podmanEnv(dir: string): NodeJS.ProcessEnv {
  const conf = join(dir, 'containers.conf');
  const nofile = hardLimit('Max open files');
  // Setting the process limit to our own hard limit is refused here too (runc runs it in the container's user
  // namespace); 4,096 processes is plenty for a build and a run.
  const nproc = String(Math.min(Number(hardLimit('Max processes')), 4096));
  writeFileSync(conf, [
    '[containers]',
    `default_ulimits = ["nofile=${nofile}:${nofile}", "nproc=${nproc}:${nproc}"]`,
    '[engine]',
    'runtime = "runc"',
    'cgroup_manager = "cgroupfs"',
    '',
  ].join('\n'));
  return { ...process.env, CONTAINERS_CONF: conf };
}

export function podman(args: string[], env: NodeJS.ProcessEnv, input?: Buffer): SpawnSyncReturns<string> {
  return spawnSync('podman', args, { env, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 15 * 60_000 });
}

/** Why podman cannot run a container here, or null when it can (checked with the stand-in image). */
export function podmanUnavailable(env: NodeJS.ProcessEnv, rootfs: string): string | null {
  if (spawnSync('podman', ['--version']).error) return 'podman is not installed (.ci/run installs it with apt-get)';
  if (process.getuid?.() !== 0) return 'the stand-in base image is built with root-owned files; run as root';
  if (!existsSync('/bin/busybox')) return 'busybox is not installed (.ci/run installs busybox-static)';
  try {
    importStandInNodeImage(rootfs, env);
  } catch (e) {
    return `could not import the stand-in base image: ${(e as Error).message}`;
  }
  const probe = podman(['run', '--rm', '--network', 'none', standInNodeImage, 'node', '-e', 'console.log(6 * 7)'], env);
  if (probe.stdout.trim() !== '42') return `podman cannot run a container here: ${(probe.stderr || String(probe.error)).trim().split('\n').pop()}`;
  return null;
}

function copyWithLibraries(binary: string, rootfs: string, to: string): void {
  mkdirSync(dirname(join(rootfs, to)), { recursive: true });
  copyFileSync(realpathSync(binary), join(rootfs, to));
  chmodSync(join(rootfs, to), 0o755);
  // `ldd` lines: "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)" or "/lib64/ld-linux-x86-64.so.2 (0x...)".
  for (const line of execFileSync('ldd', [binary], { encoding: 'utf8' }).split('\n')) {
    const lib = /(\/\S+) \(0x/.exec(line)?.[1];
    if (!lib || existsSync(join(rootfs, lib))) continue;
    mkdirSync(dirname(join(rootfs, lib)), { recursive: true });
    copyFileSync(realpathSync(lib), join(rootfs, lib));
  }
}

/** Lays out the stand-in's root file system in `rootfs` (empty or missing) and imports it as `standInNodeImage`. */
export function importStandInNodeImage(rootfs: string, env: NodeJS.ProcessEnv): void {
  const node = realpathSync(process.execPath);
  const npm = join(dirname(dirname(realpathSync(execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim()))));
  mkdirSync(rootfs, { recursive: true });
  for (const d of ['bin', 'usr/bin', 'usr/local/bin', 'usr/local/lib', 'etc', 'root', 'home/node', 'tmp']) mkdirSync(join(rootfs, d), { recursive: true });
  chmodSync(join(rootfs, 'tmp'), 0o1777);
  copyWithLibraries(node, rootfs, 'usr/local/bin/node');
  cpSync(npm, join(rootfs, 'usr/local/lib/node_modules/npm'), { recursive: true, verbatimSymlinks: true });
  symlinkSync('../lib/node_modules/npm/bin/npm-cli.js', join(rootfs, 'usr/local/bin/npm'));
  copyFileSync('/bin/busybox', join(rootfs, 'bin/busybox'));
  chmodSync(join(rootfs, 'bin/busybox'), 0o755);
  for (const applet of execFileSync('/bin/busybox', ['--list'], { encoding: 'utf8' }).split('\n').filter(Boolean)) {
    if (applet !== 'busybox') symlinkSync('busybox', join(rootfs, 'bin', applet));
  }
  symlinkSync('/bin/busybox', join(rootfs, 'usr/bin/env'));
  // The stand-in trusts the certificates this machine trusts, so npm inside reaches the registry as npm outside does.
  const changes = ['ENV PATH=/usr/local/bin:/usr/bin:/bin'];
  const trusted = process.env.NODE_EXTRA_CA_CERTS ?? '/etc/ssl/certs/ca-certificates.crt';
  if (existsSync(trusted)) {
    mkdirSync(join(rootfs, 'etc/ssl/certs'), { recursive: true });
    copyFileSync(trusted, join(rootfs, 'etc/ssl/certs/host-ca.crt'));
    changes.push('ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/host-ca.crt');
  }
  writeFileSync(join(rootfs, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\nnode:x:1000:1000::/home/node:/bin/sh\n');
  writeFileSync(join(rootfs, 'etc/group'), 'root:x:0:\nnode:x:1000:\n');
  chownSync(join(rootfs, 'home/node'), 1000, 1000);
  const tar = spawnSync('tar', ['-C', rootfs, '-c', '.'], { maxBuffer: 1024 * 1024 * 1024 });
  if (tar.status !== 0) throw new Error(`tar: ${tar.stderr.toString()}`);
  const imported = podman(['import', ...changes.flatMap((c) => ['--change', c]), '-', standInNodeImage], env, tar.stdout);
  if (imported.status !== 0) throw new Error(imported.stderr.trim());
}
