import { DOUBLE_FIELD, doubleArray, objectArray } from './stableShapes';

/**
 * A binary min-heap of items ordered by two numeric keys (k1, then k2), each with a version number so that
 * superseded entries can be skipped when popped instead of searched for and removed.
 */
export class PairHeap<T> {
  // Keys are doubles from the start (src/sim/stableShapes.ts): a heap whose keys are all whole numbers so far would
  // otherwise hold them as small integers, and code that works on many heaps would see two kinds of array and of heap.
  private k1: number[] = doubleArray();
  private k2: number[] = doubleArray();
  private items: (T | undefined)[] = objectArray();
  private vers: number[] = [];
  private n = 0;
  poppedItem: T | undefined = undefined;
  poppedVersion = 0;
  poppedK1 = DOUBLE_FIELD;
  poppedK2 = DOUBLE_FIELD;

  constructor() {
    this.poppedK1 = 0;
    this.poppedK2 = 0;
  }

  get size(): number {
    return this.n;
  }

  peekK1(): number {
    return this.n > 0 ? this.k1[0] : Infinity;
  }

  push(k1: number, k2: number, item: T, version: number): void {
    const A = this.k1, B = this.k2, I = this.items, V = this.vers;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (A[p] < k1 || (A[p] === k1 && B[p] <= k2)) break;
      A[i] = A[p]; B[i] = B[p]; I[i] = I[p]; V[i] = V[p];
      i = p;
    }
    A[i] = k1; B[i] = k2; I[i] = item; V[i] = version;
  }

  pop(): boolean {
    if (this.n === 0) return false;
    const A = this.k1, B = this.k2, I = this.items, V = this.vers;
    this.poppedK1 = A[0]; this.poppedK2 = B[0]; this.poppedItem = I[0]; this.poppedVersion = V[0];
    const n = --this.n;
    if (n > 0) {
      const a = A[n], b = B[n], it = I[n], v = V[n];
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        const r = c + 1;
        if (r < n && (A[r] < A[c] || (A[r] === A[c] && B[r] < B[c]))) c = r;
        if (a < A[c] || (a === A[c] && b <= B[c])) break;
        A[i] = A[c]; B[i] = B[c]; I[i] = I[c]; V[i] = V[c];
        i = c;
      }
      A[i] = a; B[i] = b; I[i] = it; V[i] = v;
    }
    I[n] = undefined;
    return true;
  }
}
