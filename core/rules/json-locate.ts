/**
 * A strict JSON reader that remembers where every value stands, so a pack error can
 * say "line 40, column 7" as well as "$.rules[3].severity". JSON.parse gives neither
 * a location (its messages differ between V8 and SpiderMonkey) nor duplicate keys,
 * which JSON.parse silently resolves to the last one and a pack author never meant.
 */

export type JsonPath = ReadonlyArray<string | number>;

export interface JsonLocation {
  line: number;
  column: number;
}

export interface JsonSyntaxProblem {
  message: string;
  expected: string;
  line: number;
  column: number;
}

export interface JsonDocument {
  value: unknown;
  /** Where the value at `path` starts (1-based line and column), if the path exists. */
  locate(path: JsonPath): JsonLocation | undefined;
  /** Keys that appear twice in one object, with the location of the second one. */
  duplicateKeys: Array<{ path: JsonPath; location: JsonLocation }>;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** "$.rules[3].severity" for ["rules", 3, "severity"]. */
export function formatJsonPath(path: JsonPath): string {
  let out = '$';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (IDENTIFIER.test(part)) out += `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

class SyntaxProblem extends Error {
  readonly offset: number;
  readonly expected: string;
  constructor(message: string, offset: number, expected: string) {
    super(message);
    this.offset = offset;
    this.expected = expected;
  }
}

function describe(ch: string | undefined): string {
  if (ch === undefined) return 'end of file';
  return `${JSON.stringify(ch)}`;
}

export function readJson(text: string): { ok: true; doc: JsonDocument } | { ok: false; problem: JsonSyntaxProblem } {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const toLocation = (offset: number): JsonLocation => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1 };
  };

  const starts = new Map<string, number>();
  const duplicateKeys: JsonDocument['duplicateKeys'] = [];
  let pos = 0;

  const skipSpace = () => {
    while (pos < text.length) {
      const c = text[pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') pos++;
      else break;
    }
  };
  const fail = (expected: string): never => {
    throw new SyntaxProblem(`unexpected ${describe(text[pos])}`, pos, expected);
  };

  const readString = (): string => {
    const start = pos;
    pos++; // opening quote
    let out = '';
    while (pos < text.length) {
      const c = text[pos] as string;
      if (c === '"') {
        pos++;
        return out;
      }
      if (c === '\\') {
        const e = text[pos + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in simple) {
          out += simple[e];
          pos += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
          out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
          pos += 6;
        } else {
          pos++;
          fail('an escape: \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX');
        }
      } else if (c.charCodeAt(0) < 0x20) {
        fail('no control characters inside a string (write \\n, \\t)');
      } else {
        out += c;
        pos++;
      }
    }
    throw new SyntaxProblem('unterminated string', start, 'a closing "');
  };

  const readValue = (path: Array<string | number>): unknown => {
    skipSpace();
    starts.set(formatJsonPath(path), pos);
    const c = text[pos];
    if (c === '{') {
      pos++;
      const obj: Record<string, unknown> = {};
      skipSpace();
      if (text[pos] === '}') {
        pos++;
        return obj;
      }
      for (;;) {
        skipSpace();
        if (text[pos] !== '"') fail('a property name in double quotes');
        const keyAt = pos;
        const key = readString();
        skipSpace();
        if (text[pos] !== ':') fail('":" after the property name');
        pos++;
        if (Object.prototype.hasOwnProperty.call(obj, key)) {
          duplicateKeys.push({ path: [...path, key], location: toLocation(keyAt) });
        }
        Object.defineProperty(obj, key, { value: readValue([...path, key]), enumerable: true, writable: true, configurable: true });
        skipSpace();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === '}') {
          pos++;
          return obj;
        }
        fail('"," or "}" after a property value');
      }
    }
    if (c === '[') {
      pos++;
      const arr: unknown[] = [];
      skipSpace();
      if (text[pos] === ']') {
        pos++;
        return arr;
      }
      for (;;) {
        arr.push(readValue([...path, arr.length]));
        skipSpace();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === ']') {
          pos++;
          return arr;
        }
        fail('"," or "]" after an array element');
      }
    }
    if (c === '"') return readString();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(pos, pos + 64));
    if (literal) {
      pos += literal[0].length;
      const word = literal[0];
      return word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : Number(word);
    }
    return fail('a value: object, array, string, number, true, false or null');
  };

  try {
    const value = readValue([]);
    skipSpace();
    if (pos < text.length) fail('end of file after the top-level value');
    return {
      ok: true,
      doc: {
        value,
        duplicateKeys,
        locate: (path) => {
          const offset = starts.get(formatJsonPath(path));
          return offset === undefined ? undefined : toLocation(offset);
        },
      },
    };
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
    const { line, column } = toLocation(error.offset);
    return { ok: false, problem: { message: error.message, expected: error.expected, line, column } };
  }
}
