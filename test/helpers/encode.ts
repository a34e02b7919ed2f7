/**
 * Encoders for legacy charsets, for tests only: Node's TextEncoder writes UTF-8 alone.
 * The table is built by decoding every double-byte sequence once with TextDecoder, so it
 * agrees with the decoder the CLI uses.
 */
const tables = new Map<string, Map<string, number[]>>();

function table(encoding: string, leads: [number, number], trails: [number, number]): Map<string, number[]> {
  const cached = tables.get(encoding);
  if (cached) return cached;
  const map = new Map<string, number[]>();
  const decoder = new TextDecoder(encoding, { fatal: true });
  for (let lead = leads[0]; lead <= leads[1]; lead++) {
    for (let trail = trails[0]; trail <= trails[1]; trail++) {
      try {
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length >= 1 && ch !== '\uFFFD' && !map.has(ch)) map.set(ch, [lead, trail]);
      } catch {
        // not a valid pair
      }
    }
  }
  tables.set(encoding, map);
  return map;
}

/** Encodes text as GBK (or Shift_JIS) bytes; ASCII passes through; unknown characters throw. */
export function encodeLegacy(text: string, encoding: 'gbk' | 'shift_jis'): Uint8Array {
  const map = encoding === 'gbk' ? table('gbk', [0x81, 0xfe], [0x40, 0xfe]) : table('shift_jis', [0x81, 0xfc], [0x40, 0xfc]);
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const bytes = map.get(ch);
    if (!bytes) throw new Error(`cannot encode ${JSON.stringify(ch)} as ${encoding}`);
    out.push(...bytes);
  }
  return new Uint8Array(out);
}

/** Windows-1252 for the Latin-1 range (enough for Spanish test pages). */
export function encodeWindows1252(text: string): Uint8Array {
  return new Uint8Array(
    [...text].map((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      if (code > 0xff) throw new Error(`cannot encode ${JSON.stringify(ch)} as windows-1252`);
      return code;
    }),
  );
}
