/**
 * Just enough CSS colour parsing to tell text coloured like its background: hex,
 * rgb()/rgba(), `transparent` and the named colours cloaking uses in practice.
 */

/** [r, g, b, alpha] with channels 0–255 and alpha 0–1. */
export type Rgba = readonly [number, number, number, number];

const NAMED: Record<string, Rgba> = {
  white: [255, 255, 255, 1],
  black: [0, 0, 0, 1],
  red: [255, 0, 0, 1],
  green: [0, 128, 0, 1],
  blue: [0, 0, 255, 1],
  yellow: [255, 255, 0, 1],
  gray: [128, 128, 128, 1],
  grey: [128, 128, 128, 1],
  silver: [192, 192, 192, 1],
  whitesmoke: [245, 245, 245, 1],
  snow: [255, 250, 250, 1],
  ivory: [255, 255, 240, 1],
  transparent: [0, 0, 0, 0],
};

export function parseColor(value: string): Rgba | null {
  const v = value.trim().toLowerCase().replace(/\s*!important$/, '');
  const named = NAMED[v];
  if (named) return named;
  if (v.startsWith('#')) return parseHex(v.slice(1));
  const fn = /^rgba?\(([^)]*)\)$/.exec(v);
  if (fn?.[1] !== undefined) {
    const parts = fn[1].split(/[\s,/]+/).filter((p) => p !== '');
    if (parts.length < 3) return null;
    const channel = (p: string): number =>
      p.endsWith('%') ? (Number.parseFloat(p) * 255) / 100 : Number.parseFloat(p);
    const alphaPart = parts[3];
    const alpha =
      alphaPart === undefined
        ? 1
        : alphaPart.endsWith('%')
          ? Number.parseFloat(alphaPart) / 100
          : Number.parseFloat(alphaPart);
    const rgba: Rgba = [channel(parts[0] ?? ''), channel(parts[1] ?? ''), channel(parts[2] ?? ''), alpha];
    return rgba.some((n) => Number.isNaN(n)) ? null : rgba;
  }
  return null;
}

function parseHex(hex: string): Rgba | null {
  if (!/^[0-9a-f]+$/.test(hex)) return null;
  const expand = hex.length === 3 || hex.length === 4 ? [...hex].map((c) => c + c).join('') : hex;
  if (expand.length !== 6 && expand.length !== 8) return null;
  const n = (i: number): number => Number.parseInt(expand.slice(i, i + 2), 16);
  return [n(0), n(2), n(4), expand.length === 8 ? n(6) / 255 : 1];
}

/** True when text in `fg` cannot be told from a `bg` background by eye. */
export function indistinguishable(fg: Rgba, bg: Rgba): boolean {
  if (fg[3] < 0.1) return true;
  if (bg[3] < 0.5) return false;
  const distance = Math.abs(fg[0] - bg[0]) + Math.abs(fg[1] - bg[1]) + Math.abs(fg[2] - bg[2]);
  return distance < 24;
}
