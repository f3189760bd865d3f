import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findObject, jobPod, loadManifest, localScript, validateObject, type K8sObject } from './manifest';

const root = new URL('../..', import.meta.url).pathname;
const sweepManifest = join(root, 'deploy/k8s/sweep-job.yaml');
const mergeManifest = join(root, 'deploy/k8s/merge-job.yaml');

beforeAll(() => {
  // `npm test` bundles the CLI first; a lone `npx vitest run test/deploy` on a fresh clone does it here.
  if (!existsSync(join(root, 'dist/cli.mjs'))) spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { stdio: 'inherit' });
});

describe('deploy/k8s manifests', () => {
  it('parse as YAML and every document is a valid v1 ConfigMap, PersistentVolumeClaim or batch/v1 Job', () => {
    const kinds = [...loadManifest(sweepManifest), ...loadManifest(mergeManifest)].map((o) => `${o.apiVersion} ${o.kind} ${o.metadata.name}`);
    expect(kinds).toEqual([
      'v1 ConfigMap leadlab-sweep',
      'v1 PersistentVolumeClaim leadlab-results',
      'batch/v1 Job leadlab-sweep',
      'batch/v1 Job leadlab-merge',
    ]);
  });

  it('the schema check rejects what the API server would: a count given as text, a pod without containers, an unknown kind', () => {
    const job = findObject(loadManifest(sweepManifest), 'Job', 'leadlab-sweep');
    const spec = job.spec as { completions: unknown; template: { spec: Record<string, unknown> } };
    const badCount = { ...job, spec: { ...spec, completions: 'four' } };
    expect(() => validateObject(badCount, 'test')).toThrow(/test \(batch\/v1\/Job leadlab-sweep\): \/spec\/completions must be integer/);
    const noContainers = { ...job, spec: { ...spec, template: { spec: { ...spec.template.spec, containers: undefined } } } };
    expect(() => validateObject(noContainers, 'test')).toThrow(/\/spec\/template\/spec must have required property containers/);
    expect(() => validateObject({ ...job, apiVersion: 'batch/v2' } as K8sObject, 'test')).toThrow(/expected one of .*batch\/v1\/Job, got batch\/v2\/Job/);
  });

  it('run the leadlab image as an unprivileged user, and nothing fetched at run time (no npx)', () => {
    for (const path of [sweepManifest, mergeManifest]) {
      expect(readFileSync(path, 'utf8')).not.toMatch(/\bnpx\b|npm (exec|install)/);
      for (const job of loadManifest(path).filter((o) => o.kind === 'Job')) {
        const pod = jobPod(job) as { containers: { image: string }[]; securityContext?: { runAsNonRoot?: boolean } };
        expect(pod.containers.map((c) => c.image)).toEqual(['registry.example.com/leadlab:0.1.0']);
        expect(pod.securityContext?.runAsNonRoot).toBe(true);
      }
    }
    expect(readFileSync(join(root, 'docs/sweeps.md'), 'utf8')).not.toMatch(/npx --yes/);
  });

  it('hold the sweep command docs/sweeps.md shows, word for word', () => {
    const docs = readFileSync(join(root, 'docs/sweeps.md'), 'utf8');
    const shown = /## Beyond one machine[\s\S]*?```yaml\n([\s\S]*?)```/.exec(docs)?.[1];
    expect(shown).toContain('leadlab sweep /sweep/sweep.json');
    expect(readFileSync(sweepManifest, 'utf8')).toContain(shown);
  });
});

/** A pod's world in a temporary folder: the ConfigMap's files, the results claim, and `leadlab` on the PATH. */
function podFolders() {
  const dir = mkdtempSync(join(tmpdir(), 'leadlab-k8s-'));
  const folders = { sweep: join(dir, 'sweep'), results: join(dir, 'results'), whole: join(dir, 'whole'), bin: join(dir, 'bin'), work: join(dir, 'work') };
  for (const f of Object.values(folders)) mkdirSync(f);
  symlinkSync(join(root, 'bin/leadlab.mjs'), join(folders.bin, 'leadlab'));
  const objects = loadManifest(sweepManifest);
  const configMap = findObject(objects, 'ConfigMap', 'leadlab-sweep');
  // A ConfigMap volume shows each key of `data` as a file of that name.
  for (const [key, text] of Object.entries(configMap.data as Record<string, string>)) writeFileSync(join(folders.sweep, key), text);
  const folderOf = (volume: { name: string; configMap?: { name: string }; persistentVolumeClaim?: { claimName: string } }) => {
    if (volume.configMap?.name === configMap.metadata.name) return folders.sweep;
    if (volume.persistentVolumeClaim?.claimName === findObject(objects, 'PersistentVolumeClaim', 'leadlab-results').metadata.name) return folders.results;
    throw new Error(`volume ${volume.name} is neither the sweep ConfigMap nor the results claim of sweep-job.yaml`);
  };
  return { folders, objects, folderOf };
}

function sh(script: string, env: Record<string, string>, cwd: string) {
  return spawnSync('sh', ['-c', script], { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
}

describe('the sweep Job and the merge Job, run as Kubernetes would run their pods', () => {
  it('give byte for byte the files of one unsharded `leadlab sweep` of the same sweep file', () => {
    const { folders, objects, folderOf } = podFolders();
    const job = findObject(objects, 'Job', 'leadlab-sweep');
    const spec = job.spec as { completionMode: string; completions: number; parallelism: number };
    expect(spec.completionMode).toBe('Indexed');
    const path = `${folders.bin}:${process.env.PATH}`;
    const script = localScript(job, folderOf);
    for (let index = 0; index < spec.completions; index++) {
      const pod = sh(script, { PATH: path, JOB_COMPLETION_INDEX: String(index) }, folders.work);
      expect(pod.stderr, `pod ${index}`).toMatch(new RegExp(`Shard ${index + 1}/${spec.completions}: runs \\d+-\\d+ of 45; wrote`));
      expect(pod.status, `pod ${index}: ${pod.stderr}`).toBe(0);
    }
    expect(readdirSync(folders.results).sort()).toEqual(Array.from({ length: spec.completions }, (_, i) => `sweep.shard-${i + 1}-of-${spec.completions}.json`).sort());

    const merge = sh(localScript(findObject(loadManifest(mergeManifest), 'Job', 'leadlab-merge'), folderOf), { PATH: path }, folders.work);
    expect(merge.status, merge.stderr).toBe(0);
    expect(merge.stdout).toContain('New leads per day x callback schedule');

    const whole = spawnSync(process.execPath, [join(root, 'bin/leadlab.mjs'), 'sweep', join(folders.sweep, 'sweep.json'), '--out', join(folders.whole, 'sweep-results')], { encoding: 'utf8' });
    expect(whole.status, whole.stderr).toBe(0);
    for (const suffix of ['.json', '.runs.csv', '.combinations.csv']) {
      const merged = readFileSync(join(folders.results, `sweep-results${suffix}`));
      expect(merged.equals(readFileSync(join(folders.whole, `sweep-results${suffix}`))), `sweep-results${suffix}`).toBe(true);
    }
  });

  it('the merge Job fails, naming what is missing, when a pod of the sweep did not write its shard', () => {
    const { folders, objects, folderOf } = podFolders();
    const job = findObject(objects, 'Job', 'leadlab-sweep');
    const { completions } = job.spec as { completions: number };
    const path = `${folders.bin}:${process.env.PATH}`;
    // The pod of index 1 (shard 2) never ran.
    for (const index of Array.from({ length: completions }, (_, i) => i).filter((i) => i !== 1)) {
      expect(sh(localScript(job, folderOf), { PATH: path, JOB_COMPLETION_INDEX: String(index) }, folders.work).status).toBe(0);
    }
    const merge = sh(localScript(findObject(loadManifest(mergeManifest), 'Job', 'leadlab-merge'), folderOf), { PATH: path }, folders.work);
    expect(merge.status).toBe(2);
    expect(merge.stderr).toBe(`leadlab merge: missing shard 2/${completions} (${completions - 1} of ${completions} given)\n`);
    expect(existsSync(join(folders.results, 'sweep-results.json'))).toBe(false);
  });
});
