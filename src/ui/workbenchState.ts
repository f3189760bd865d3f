/**
 * What the page keeps: the scenarios as the user typed them (text, so nothing typed is lost even while it is not
 * valid JSON), the run seed and the replications. Kept in localStorage and in the page address, so a link
 * reproduces the comparison.
 */
export interface WorkbenchState {
  /** Scenario JSON texts; the first is the baseline. */
  scenarios: string[];
  seed: number;
  replications: number;
  /** Index of the scenario shown in the editor. */
  selected: number;
}

export const STORAGE_KEY = 'leadlab.workbench.v1';
const HASH_PREFIX = '#c=';
/** A compressed link: the state's JSON, deflated (raw DEFLATE), in base64url. */
const COMPRESSED_PREFIX = '#z=';

function toBase64Url(text: string): string {
  return bytesToBase64Url(new TextEncoder().encode(text));
}

function bytesToBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64UrlToBytes(code: string): Uint8Array {
  const binary = atob(code.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function fromBase64Url(code: string): string {
  return new TextDecoder().decode(base64UrlToBytes(code));
}

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** Checks the shape of a stored or linked state; returns undefined for anything else. */
export function parseState(text: string): WorkbenchState | undefined {
  try {
    const v = JSON.parse(text) as Partial<WorkbenchState>;
    if (!Array.isArray(v.scenarios) || v.scenarios.length === 0 || !v.scenarios.every((s) => typeof s === 'string')) return undefined;
    const seed = Number.isInteger(v.seed) ? v.seed! : 1;
    const replications = Number.isInteger(v.replications) && v.replications! >= 2 ? Math.min(v.replications!, 200) : 5;
    const selected = Number.isInteger(v.selected) && v.selected! >= 0 && v.selected! < v.scenarios.length ? v.selected! : 0;
    return { scenarios: v.scenarios, seed, replications, selected };
  } catch {
    return undefined;
  }
}

/** The page address fragment that reproduces a state. */
export function stateToHash(state: WorkbenchState): string {
  return HASH_PREFIX + toBase64Url(JSON.stringify(state));
}

/** The state in a page address fragment, if any. */
export function stateFromHash(hash: string): WorkbenchState | undefined {
  if (!hash.startsWith(HASH_PREFIX)) return undefined;
  try {
    return parseState(fromBase64Url(hash.slice(HASH_PREFIX.length)));
  } catch {
    return undefined;
  }
}

/** What the page address holds: no comparison link, a working one, or a damaged one and why. */
export type LinkInAddress = { kind: 'none' } | { kind: 'ok'; state: WorkbenchState } | { kind: 'damaged'; reason: string } | { kind: 'compressed' };

/**
 * Reads a comparison link from the page address fragment, telling a damaged link (cut short, edited, or from a
 * page that stores something else) from no link at all.
 */
export function readLink(hash: string): LinkInAddress {
  if (hash.startsWith(COMPRESSED_PREFIX)) return { kind: 'compressed' };
  if (!hash.startsWith(HASH_PREFIX)) return { kind: 'none' };
  let text: string;
  try {
    text = fromBase64Url(hash.slice(HASH_PREFIX.length));
  } catch {
    return { kind: 'damaged', reason: 'its code is not readable (perhaps it was cut short when copied)' };
  }
  return linkFromText(text);
}

/** The state a link's decoded text holds, or why the link is damaged. */
function linkFromText(text: string): LinkInAddress {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'damaged', reason: 'its code stops or changes part way (perhaps it was cut short when copied)' };
  }
  const state = parseState(JSON.stringify(json));
  return state ? { kind: 'ok', state } : { kind: 'damaged', reason: 'it holds no scenarios this page can read' };
}

/**
 * The short link of a state: its JSON deflated, about a third of the plain link for a scenario with a fitted
 * contact model. Browsers without CompressionStream get the plain link.
 */
export async function stateToCompressedHash(state: WorkbenchState): Promise<string> {
  if (typeof CompressionStream === 'undefined') return stateToHash(state);
  return COMPRESSED_PREFIX + bytesToBase64Url(await through(new TextEncoder().encode(JSON.stringify(state)), new CompressionStream('deflate-raw')));
}

/** Reads any link (plain or compressed) from the page address fragment. */
export async function readAnyLink(hash: string): Promise<LinkInAddress> {
  if (!hash.startsWith(COMPRESSED_PREFIX)) return readLink(hash);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await through(base64UrlToBytes(hash.slice(COMPRESSED_PREFIX.length)), new DecompressionStream('deflate-raw')));
  } catch {
    return { kind: 'damaged', reason: 'its code cannot be unpacked (perhaps it was cut short when copied)' };
  }
  return linkFromText(text);
}
