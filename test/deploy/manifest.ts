// Reading deploy/k8s/*.yaml the way kubectl would: every YAML document, checked against the Kubernetes API schema.
import { readFileSync } from 'node:fs';
import { ConfigMap, PersistentVolumeClaim } from 'kubernetes-models/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { parseAllDocuments } from 'yaml';

export type K8sObject = { apiVersion: string; kind: string; metadata: { name: string }; [field: string]: unknown };

/** The models whose validators (compiled from the Kubernetes OpenAPI schemas by kubernetes-models) we accept. */
const models: Record<string, (data: K8sObject) => { validate(): void }> = {
  'v1/ConfigMap': (d) => new ConfigMap(d as ConstructorParameters<typeof ConfigMap>[0]),
  'v1/PersistentVolumeClaim': (d) => new PersistentVolumeClaim(d as ConstructorParameters<typeof PersistentVolumeClaim>[0]),
  'batch/v1/Job': (d) => new Job(d as ConstructorParameters<typeof Job>[0]),
};

/**
 * Parses every document of a manifest and validates each against its kind's schema; throws a message naming the
 * file, the document and the field at fault.
 */
export function loadManifest(path: string): K8sObject[] {
  const documents = parseAllDocuments(readFileSync(path, 'utf8'));
  if (!Array.isArray(documents)) throw new Error(`${path}: no YAML documents`);
  return documents.map((doc, i) => {
    const where = `${path}, document ${i + 1}`;
    if (doc.errors.length) throw new Error(`${where}: ${doc.errors.map((e) => e.message).join('; ')}`);
    const object = doc.toJS() as K8sObject;
    validateObject(object, where);
    return object;
  });
}

/** Validates one object against the schema of its apiVersion and kind. */
export function validateObject(object: K8sObject, where: string): void {
  const key = `${object?.apiVersion}/${object?.kind}`;
  const model = models[key];
  if (!model) throw new Error(`${where}: expected one of ${Object.keys(models).join(', ')}, got ${key}`);
  if (!object.metadata?.name) throw new Error(`${where}: ${key} has no metadata.name`);
  try {
    model(object).validate();
  } catch (e) {
    const errors = (e as { errors?: { instancePath: string; message?: string }[] }).errors;
    const detail = errors?.map((x) => `${x.instancePath || '/'} ${x.message}`).join('; ') ?? (e as Error).message;
    throw new Error(`${where} (${key} ${object.metadata.name}): ${detail}`);
  }
}

type Container = { name: string; image: string; command?: string[]; args?: string[]; volumeMounts?: { name: string; mountPath: string }[] };
type Volume = { name: string; configMap?: { name: string }; persistentVolumeClaim?: { claimName: string } };
export type JobPod = { containers: Container[]; volumes?: Volume[] };

export function findObject(objects: K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} named ${name} in ${objects.map((o) => `${o.kind} ${o.metadata.name}`).join(', ')}`);
  return found;
}

export function jobPod(job: K8sObject): JobPod {
  return (job.spec as { template: { spec: JobPod } }).template.spec;
}

/**
 * The shell script a Job's only container runs (`command: ["sh", "-c"]`, one argument), with each mount path
 * replaced by the local folder `folderOf` gives for the volume behind it.
 */
export function localScript(job: K8sObject, folderOf: (volume: Volume) => string): string {
  const pod = jobPod(job);
  if (pod.containers.length !== 1) throw new Error(`Job ${job.metadata.name}: expected one container, got ${pod.containers.length}`);
  const [container] = pod.containers;
  if (JSON.stringify(container.command) !== '["sh","-c"]' || container.args?.length !== 1) {
    throw new Error(`Job ${job.metadata.name}: expected command ["sh", "-c"] and one argument, got ${JSON.stringify(container.command)} ${JSON.stringify(container.args)}`);
  }
  let script = container.args[0];
  for (const mount of container.volumeMounts ?? []) {
    const volume = pod.volumes?.find((v) => v.name === mount.name);
    if (!volume) throw new Error(`Job ${job.metadata.name}: mount ${mount.name} names no volume`);
    // A mount path ends where a path segment ends: /sweep must not also rewrite /sweeps.
    script = script.replace(new RegExp(`${mount.mountPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=/|\\s|$)`, 'g'), folderOf(volume));
  }
  return script;
}
