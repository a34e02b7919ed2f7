/**
 * Turning a saved page's bytes into text: byte-order mark, then the charset the page
 * declares (`<meta charset>`, `http-equiv`, XML declaration), then a guess. Saved pages lie:
 * GBK bytes under a UTF-8 meta tag are common on Chinese shops (issue #10). When the
 * declared decoding yields many U+FFFD, the bytes are decoded again with the encoding that
 * explains them best, and the result says so.
 */

export interface Decoded {
  text: string;
  /** The WHATWG name of the encoding used, e.g. "utf-8", "gbk". */
  encoding: string;
  /** The encoding the page declared (BOM or meta), when it did. */
  declared: string | null;
  /** How the encoding was chosen. */
  how: 'bom' | 'declared' | 'guessed' | 'default';
}

/** How far into the page to look for a charset declaration (browsers look at 1024 bytes; saved pages push it later). */
const PRESCAN_BYTES = 16384;

/** The encoding a label names, in WHATWG terms; null for labels TextDecoder does not know. */
export function encodingForLabel(label: string): string | null {
  try {
    const name = new TextDecoder(label.trim()).encoding;
    // A page cannot really be UTF-16 if its meta tag was readable as ASCII (HTML spec: use UTF-8).
    return name === 'utf-16le' || name === 'utf-16be' ? 'utf-8' : name;
  } catch {
    return null;
  }
}

function bomEncoding(bytes: Uint8Array): { encoding: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  return null;
}

/** The charset a page declares in its first bytes, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, PRESCAN_BYTES));
  const patterns = [
    /<meta\s[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i,
    /<\?xml\s[^>]*encoding\s*=\s*["']([\w.:-]+)/i,
  ];
  let best: { index: number; label: string } | null = null;
  for (const re of patterns) {
    const m = re.exec(head);
    if (m?.[1] && (best === null || m.index < best.index)) best = { index: m.index, label: m[1] };
  }
  return best ? encodingForLabel(best.label) : null;
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  return new TextDecoder(encoding, { fatal: false, ignoreBOM: false }).decode(bytes);
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

function countNonAscii(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) n++;
  return n;
}

/** True when a decoding left so many U+FFFD that the bytes were not in that encoding. */
function looksMisdecoded(text: string): boolean {
  const bad = countReplacements(text);
  if (bad < 4) return false;
  return bad / Math.max(1, countNonAscii(text)) > 0.02;
}

// The commonest characters of Chinese (simplified, traditional), Japanese kana and Korean:
// a right decoding is full of them, a wrong one full of rare characters.
const COMMON_SIMPLIFIED = new Set('的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书任感品条式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞药网购店');
const COMMON_TRADITIONAL = new Set('的一是不了人我在有他這中大來上國個到說們為子和你地出道也時年得就那要下以生會自著去之過家學對可她裡後小麼心多天而能好都然沒日於起還發成事只作當想看文無開手十用主行方又如前所本見經頭面公同三已老從動兩長知民樣現分將外但身些與高意進把法此實回二理美點月明其種聲全工己話兒者向情部正名定女問力機給等幾很業最間新什打便位因重被走電四第門相次東政海口使教西再平真聽世氣信北少關並內加化由卻代軍產入先山五太水萬市眼體別處總才場師書任感品條式活設及管特件藥網購店');

type Script = 'simplified' | 'traditional' | 'kana' | 'hangul';

function scriptScore(text: string, script: Script): number {
  let good = 0;
  let wide = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x2e80) continue;
    wide++;
    if (script === 'simplified' && COMMON_SIMPLIFIED.has(ch)) good++;
    else if (script === 'traditional' && COMMON_TRADITIONAL.has(ch)) good++;
    else if (script === 'kana' && c >= 0x3040 && c <= 0x30ff) good++;
    else if (script === 'hangul' && c >= 0xac00 && c <= 0xd7a3) good++;
  }
  return wide === 0 ? 0 : good / wide;
}

/**
 * Western text has accented letters one at a time between ASCII letters; double-byte text
 * read as windows-1252 has them in runs. The share of non-ASCII characters that stand alone.
 */
function isolatedHighShare(text: string): number {
  let high = 0;
  let isolated = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) <= 0x7f) continue;
    high++;
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if (prev <= 0x7f && next <= 0x7f) isolated++;
  }
  return high === 0 ? 1 : isolated / high;
}

const CJK_CANDIDATES: ReadonlyArray<readonly [string, Script]> = [
  ['gb18030', 'simplified'],
  ['big5', 'traditional'],
  ['shift_jis', 'kana'],
  ['euc-jp', 'kana'],
  ['euc-kr', 'hangul'],
];

/** The bytes as UTF-8, or null when they are not valid UTF-8. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The encoding that explains bytes best when nothing (trustworthy) declares one. */
export function guessEncoding(bytes: Uint8Array): string {
  if (strictUtf8(bytes) !== null) return 'utf-8';
  // Not UTF-8: weigh the double-byte encodings against windows-1252.
  let best = { encoding: 'windows-1252', score: 0 };
  for (const [encoding, script] of CJK_CANDIDATES) {
    const text = decodeWith(bytes, encoding);
    const penalty = countReplacements(text) / Math.max(1, countNonAscii(text));
    const score = scriptScore(text, script) - penalty * 4;
    if (score > best.score) best = { encoding, score };
  }
  if (best.encoding !== 'windows-1252' && best.score >= 0.2) return best.encoding;
  const western = decodeWith(bytes, 'windows-1252');
  if (isolatedHighShare(western) >= 0.5 || best.score < 0.05) return 'windows-1252';
  return best.encoding;
}

/**
 * Decodes a saved page's bytes; never throws. `transportCharset` is the charset its container
 * declared (an MHTML part's Content-Type), which outranks the page's own meta tag, as HTTP's does.
 */
export function decodeHtml(bytes: Uint8Array, transportCharset?: string | null): Decoded {
  const bom = bomEncoding(bytes);
  if (bom) {
    return { text: decodeWith(bytes.subarray(bom.skip), bom.encoding), encoding: bom.encoding, declared: bom.encoding, how: 'bom' };
  }
  const transport = transportCharset ? encodingForLabel(transportCharset) : null;
  const declared = transport ?? declaredCharset(bytes);
  if (declared && declared !== 'utf-8') {
    // Pages re-saved as UTF-8 often keep their old charset tag. Legacy text is valid UTF-8 by
    // chance only when it is short: several multi-byte characters in valid UTF-8 say UTF-8.
    const utf8 = strictUtf8(bytes);
    if (utf8 !== null && countNonAscii(utf8) >= 4) return { text: utf8, encoding: 'utf-8', declared, how: 'guessed' };
  }
  if (declared) {
    const text = decodeWith(bytes, declared);
    if (!looksMisdecoded(text)) return { text, encoding: declared, declared, how: 'declared' };
    const guess = guessEncoding(bytes);
    if (guess !== declared) {
      const retry = decodeWith(bytes, guess);
      if (countReplacements(retry) < countReplacements(text)) return { text: retry, encoding: guess, declared, how: 'guessed' };
    }
    return { text, encoding: declared, declared, how: 'declared' };
  }
  const guess = guessEncoding(bytes);
  return { text: decodeWith(bytes, guess), encoding: guess, declared: null, how: guess === 'utf-8' ? 'default' : 'guessed' };
}
