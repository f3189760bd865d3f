/* Values that give hot objects and arrays a stable V8 representation from the first one made. */

/**
 * A fraction stored first in every field of a hot object that will hold fractions (times in minutes, probabilities),
 * before the field's real initial value. V8 gives a field the representation of the first value it ever holds: a
 * small integer (0, -1) makes it an integer field, and the first fraction stored in it later rebuilds the hidden class,
 * deoptimizes the functions compiled for it and migrates each object made before, one by one, as they are next
 * touched (issue 16). Given a fraction first, the field is a double field from the first object on, and the integer
 * stored right after is kept as a double: the same number, read the same way.
 */
export const DOUBLE_FIELD = 0.5;

/**
 * An empty array whose elements are doubles from the start. An empty `[]` holds small integers; the first fraction
 * stored turns it into an array of doubles, a different hidden class, so that code reading arrays made at the same
 * time (one heap per agent) would see both kinds until every one of them had changed (issue 16).
 */
export function doubleArray(): number[] {
  const a = [DOUBLE_FIELD];
  a.length = 0;
  return a;
}

/**
 * An empty array that holds objects from the start. An empty `[]` holds small integers until the first object is
 * stored; made again for every run of a sweep, it would start as one kind of array in code compiled for the other
 * (issue 16).
 */
export function objectArray<T>(): T[] {
  const a: unknown[] = [null];
  a.length = 0;
  return a as T[];
}
