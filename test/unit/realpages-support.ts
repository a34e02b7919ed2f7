/**
 * Reading ../shared/realpages in place (never copied into the project) and the fair comparison
 * of extracted listing facts with the manifest's answer keys (issue #10).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';

export interface ManifestEntry {
  file: string;
  marketplace: string;
  page_type: string;
  country_language: string;
  product_title: string;
  price: string;
  seller: string | null;
  source_url?: string | null;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The shared real-pages folder: $REALPAGES_DIR when set (and only it, so a run can check the
 * skip path), else ../shared, ../../shared, /work/shared from the repo root.
 */
export function locateRealPages(): string | null {
  const override = process.env['REALPAGES_DIR'];
  if (override) return existsSync(join(override, 'manifest.json')) ? override : null;
  const candidates = [
    resolve(repoRoot, '../shared/realpages'),
    resolve(repoRoot, '../../shared/realpages'),
    '/work/shared/realpages',
  ].filter((p): p is string => Boolean(p));
  return candidates.find((dir) => existsSync(join(dir, 'manifest.json'))) ?? null;
}

export function loadManifest(dir: string): ManifestEntry[] {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ManifestEntry[];
}

/**
 * Decodes page bytes the way a browser would: BOM, then <meta charset> / http-equiv in the first
 * 4 KB, else UTF-8. Unknown labels fall back to UTF-8; invalid bytes become U+FFFD, never a throw.
 */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const label = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

export function loadPage(dir: string, entry: ManifestEntry): Document {
  const html = decodeHtml(readFileSync(join(dir, entry.file)));
  return parseHTML(html).document as unknown as Document;
}

/** NFKC, lower case, apostrophe/quote variants unified, white space collapsed. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u2032`´]/g, "'")
    .replace(/[\u201c\u201d\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Title forms the manifest accepts. A trailing "…" marks a title the annotator shortened: the
 * page's title must start with the rest. A trailing parenthesis is the annotator's note (the
 * brand, a translation, the model) and may be absent on the page.
 */
export function titleMatches(expected: string, actual: string | null): boolean {
  if (!actual) return false;
  const got = normalise(actual);
  const raw = expected.trim();
  if (raw.endsWith('…')) return got.startsWith(normalise(raw.slice(0, -1)));
  const forms = [normalise(raw)];
  const noNote = raw.replace(/\s*\([^()]*\)$/u, '');
  if (noNote !== raw) forms.push(normalise(noNote));
  for (const form of forms) {
    if (got === form) return true;
    const [shorter, longer] = got.length < form.length ? [got, form] : [form, got];
    if (longer.includes(shorter) && shorter.length >= 0.9 * longer.length) return true;
  }
  return false;
}

/**
 * The amount the manifest's price shows, read independently of the parser under test: the first
 * number; its last separator is the decimal mark only when two digits follow it ("12,44 €",
 * "£5,100.00"), otherwise separators group thousands ("$229.990", "Rs 23,450"). Null when the
 * manifest says no price is shown.
 */
export function expectedAmount(price: string): number | null {
  if (/^none shown/i.test(price.trim())) return null;
  const written = /\d[\d.,\s]*\d|\d/u.exec(price)?.[0]?.replace(/\s/g, '');
  if (!written) return null;
  const decimal = /[.,]\d{2}$/u.test(written);
  const integer = decimal ? written.slice(0, -3) : written;
  const digits = integer.replace(/[.,]/g, '') + (decimal ? '.' + written.slice(-2) : '');
  return Number(digits);
}

/**
 * The seller name the manifest gives: quotes removed, the annotator's notes after "(" or ";"
 * dropped, and "<shop> store on <platform>" read as the shop. Null when no seller is shown.
 */
export function expectedSeller(seller: string | null): string | null {
  if (!seller) return null;
  let name = seller.split(/;|\s\(/u)[0] ?? '';
  name = name.replace(/^['"‘’“”]+|['"‘’“”]+$/gu, '').trim();
  name = name.replace(/\s+store on\s+.*$/iu, '').trim();
  return name || null;
}

/** Letters and digits only, lower case, a trailing domain dropped: "BestBuy.com" and "Best Buy" are the same seller. */
function compact(text: string): string {
  return normalise(text)
    .replace(/\.(com|net|org|[a-z]{2})(\.[a-z]{2})?$/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The manifest's descriptions of a private person who gives no business name. */
const PRIVATE_SELLER = /^(by owner|private seller)$/i;

function namesMatch(expected: string, actual: string | null): boolean {
  if (!actual) return false;
  const a = compact(expected);
  const b = compact(actual);
  if (!a || !b) return false;
  if (a === b) return true;
  const words = (text: string): string[] => normalise(text).split(/[^\p{L}\p{N}.]+/u).filter(Boolean);
  const [shorter, longer] = a.length <= b.length ? [expected, actual] : [actual, expected];
  const short = words(shorter);
  const long = words(longer);
  const at = long.findIndex((_, i) => short.every((w, j) => long[i + j] === w));
  if (short.join('').length < 4 || at < 0) return false;
  // "Costco" is "Costco Wholesale"; "Amazon" is not "Amazon Warehouse": only company-form words may differ.
  const extra = [...long.slice(0, at), ...long.slice(at + short.length)];
  return extra.every((w) => COMPANY_WORDS.test(w));
}

const COMPANY_WORDS = /^(wholesale|inc\.?|ltd\.?|llc|co\.?|company|corp\.?|corporation|store|shop|official|gmbh|s\.?a\.?|plc|ag|group|online)$/u;

/**
 * Seller equality, fair but not loose: the name or the id has the same letters and digits as the
 * manifest's, or one contains the other as whole words and the rest is only company-form words
 * ("Costco" in "Costco Wholesale", but not "Amazon" in "Amazon Warehouse"). Where
 * the manifest describes a private seller ("by owner", "private seller"), the adapter must report
 * the seller the page shows (its "by owner" label or the user name), and not the site itself.
 */
export function sellerMatches(expected: string, seller: { name: string | null; id: string | null } | null, marketplace: string | null): boolean {
  if (!seller) return false;
  if (PRIVATE_SELLER.test(expected)) {
    const shown = seller.name ?? seller.id ?? '';
    const site = compact(marketplace ?? '');
    return shown.trim().length > 0 && (site === '' || !compact(shown).includes(site));
  }
  return namesMatch(expected, seller.name) || namesMatch(expected, seller.id);
}

/**
 * The currency the manifest's price shows when its sign tells it alone (ISO code, €, £, ₽, ₪, Lei,
 * Kn, ر.س); null for shared signs ($, Rs, 元) and for "none shown".
 */
export function expectedCurrency(price: string): string | null {
  if (/^none shown/i.test(price.trim())) return null;
  const head = price.split('(')[0] ?? price;
  const code = /\b(GBP|EUR|USD)\b/.exec(head)?.[1];
  if (code) return code;
  const signs: Array<[RegExp, string]> = [[/€/, 'EUR'], [/£/, 'GBP'], [/₽/, 'RUB'], [/₪/, 'ILS'], [/\bLei\b/i, 'RON'], [/\bKn\b/i, 'HRK'], [/ر\.س/, 'SAR']];
  return signs.find(([sign]) => sign.test(head))?.[1] ?? null;
}
