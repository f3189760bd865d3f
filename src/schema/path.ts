/** One step of a path: an object key or a list index. */
export type PathStep = string | number;

const BAD_PATH = (path: string) => new Error(`expected a path like "agents[0].pipelineLimit", got ${JSON.stringify(path)}`);

/**
 * Parses a path as the schema writes it (`at()` in ./issue.ts): keys joined by ".", list indexes in brackets, and
 * keys that are empty or hold spaces, dots, brackets or quotes as a quoted JSON string in brackets
 * (`map["Created On"]`); a bare key may hold any character but "." and "[". The empty path is the root. Throws on a malformed path ("a..b", "a.", "a.[0]").
 *
 * @example
 * parsePath('agents[0].pipelineLimit') // ['agents', 0, 'pipelineLimit']
 * parsePath('') // []
 */
export function parsePath(path: string): PathStep[] {
  const steps: PathStep[] = [];
  // What may come next: a key (at the start or after "."), or "." and "[" (after a key or an index).
  let wantKey = true;
  let i = 0;
  while (i < path.length) {
    const c = path[i];
    if (c === '[') {
      if (wantKey && steps.length > 0) throw BAD_PATH(path);
      if (path[i + 1] === '"') {
        // A quoted key: a JSON string, then "]".
        let end = i + 2;
        while (end < path.length && path[end] !== '"') end += path[end] === '\\' ? 2 : 1;
        if (path[end + 1] !== ']') throw BAD_PATH(path);
        steps.push(JSON.parse(path.slice(i + 1, end + 1)) as string);
        i = end + 2;
      } else {
        const m = /^\[(\d+)\]/.exec(path.slice(i));
        if (!m) throw BAD_PATH(path);
        steps.push(Number(m[1]));
        i += m[0].length;
      }
      wantKey = false;
    } else if (c === '.') {
      if (wantKey) throw BAD_PATH(path);
      wantKey = true;
      i++;
    } else {
      if (!wantKey) throw BAD_PATH(path);
      let end = i;
      while (end < path.length && path[end] !== '.' && path[end] !== '[') end++;
      steps.push(path.slice(i, end));
      i = end;
      wantKey = false;
    }
  }
  if (wantKey && steps.length > 0) throw BAD_PATH(path);
  return steps;
}
