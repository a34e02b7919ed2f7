/**
 * Canonical JSON for hashing: the same value always gives the same bytes, so a hash
 * computed today and one computed by an investigator's own tool years later agree.
 *
 * Follows RFC 8785 (JSON Canonicalization Scheme) for the values reports contain:
 * object keys sorted by UTF-16 code units, no whitespace, strings escaped as
 * ECMAScript's JSON.stringify does (which is what JCS specifies), numbers in
 * ECMAScript's shortest round-trip form. Values JSON cannot carry faithfully
 * (undefined inside arrays, NaN, Infinity, functions, bigint) are refused rather
 * than silently changed, because a silently changed value would hash differently
 * from what the reviewer saw.
 */

export class CanonicalJsonError extends Error {
  readonly path: string;
  constructor(message: string, path: string) {
    super(`${message} at ${path}`);
    this.name = 'CanonicalJsonError';
    this.path = path;
  }
}

export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`number ${String(value)} has no JSON form`, path);
      // -0 serialises as 0 in JSON.stringify, as JCS requires.
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(`a ${typeof value} has no JSON form`, path);
  }
  if (Array.isArray(value)) {
    return `[${value
      .map((item, index) => {
        if (item === undefined) throw new CanonicalJsonError('undefined has no JSON form', `${path}[${index}]`);
        return write(item, `${path}[${index}]`);
      })
      .join(',')}]`;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) {
    throw new CanonicalJsonError('only plain objects and arrays can be hashed', path);
  }
  const record = value as Record<string, unknown>;
  // Default sort compares UTF-16 code units, which is exactly the JCS order.
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${write(record[key], `${path}.${key}`)}`).join(',')}}`;
}
