const TRUE = new Set(['1', 'true', 't', 'yes', 'y', 'converted', 'funded', 'won', 'sold', 'closed', 'x']);
const FALSE = new Set(['0', 'false', 'f', 'no', 'n', 'notconverted', 'lost', '']);

/**
 * Reads a yes/no column: "yes", "1", "true", "Funded" -> true; "no", "0", "false", empty -> false;
 * anything else -> undefined (the caller rejects the row).
 */
export function parseFlag(text: string): boolean | undefined {
  const key = text.trim().toLowerCase().replace(/[^a-z0-9]/g, '');
  if (TRUE.has(key)) return true;
  if (FALSE.has(key)) return false;
  return undefined;
}
