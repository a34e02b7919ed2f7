/**
 * Price parsing for listing facts (issue #10): the text exactly as the page shows it, a plain
 * number, and the ISO 4217 currency when it can be told. Unknown is null, never a guess.
 *
 * Decisions, so that every adapter reads prices the same way:
 * - A range ("$10 - $20", "ab 99,12 €", "from $3.499") gives its first amount, the lowest price a
 *   buyer can pay; `text` keeps the whole range as shown.
 * - Separators: when both "." and "," occur, the last one is the decimal mark ("1.234,56",
 *   "5,100.00"). One kind occurring twice or more is grouping ("1,234,567"). A single separator
 *   followed by exactly three digits is grouping ("$229.990" on a Chilean page, "1,679 ₪"), except
 *   for currencies with three minor digits (KWD, BHD, …) and for "0.xxx". Any other single
 *   separator is the decimal mark ("12,99", "48.99"). Spaces, NBSP, thin spaces and apostrophes
 *   between digit groups are grouping ("1 529 ₽", "1'299.–").
 * - Currency: an ISO code in the text ("GBP 12,99", "5,95 EUR") or an unambiguous symbol
 *   ("€", "£", "₽", "zł", "R$", "US $") wins over any hint, because it is what the buyer sees.
 *   Ambiguous symbols ("$", "¥", "元", "kr", "Rs") are resolved by the declared currency
 *   (JSON-LD priceCurrency, product:price:currency), then the host's country, then the page
 *   language's region; if none tells, the currency is null.
 */

export interface Price {
  amount: number;
  currency: string | null;
  text: string;
}

export interface PriceHints {
  /** ISO 4217 code the page declares for this price (JSON-LD priceCurrency, meta product:price:currency). */
  currency?: string | null;
  /** The page's host, e.g. "www.paris.cl". */
  host?: string | null;
  /** The page's language, e.g. "es-CL" or "en". */
  lang?: string | null;
}

/** ISO codes we recognise written in price text. */
const ISO_CODES = new Set(
  (
    'USD EUR GBP JPY CNY RMB CAD AUD NZD CHF SEK NOK DKK ISK PLN CZK HUF RON BGN HRK RSD RUB UAH BYN KZT TRY ' +
    'ILS SAR AED QAR KWD BHD OMR JOD EGP MAD TND INR PKR LKR BDT NPR IDR MYR SGD THB VND PHP KRW TWD HKD MOP ' +
    'BRL ARS CLP COP MXN PEN UYU PYG BOB VES ZAR NGN KES GHS'
  ).split(' '),
);

/** Currencies whose minor unit has three digits: "1.250 KWD" is one and a quarter dinars. */
const THREE_DECIMALS = new Set(['KWD', 'BHD', 'OMR', 'JOD', 'TND', 'LYD', 'IQD']);

/** Unambiguous symbols and words, longest first so "R$" wins over "$" and "US $" over "$". */
const SYMBOLS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<![\p{L}])US\s?\$/u, 'USD'],
  [/(?<![\p{L}])(?:C|CA|CAN)\s?\$/u, 'CAD'],
  [/(?<![\p{L}])(?:A|AU)\s?\$/u, 'AUD'],
  [/(?<![\p{L}])NZ\s?\$/u, 'NZD'],
  [/(?<![\p{L}])HK\s?\$/u, 'HKD'],
  [/(?<![\p{L}])S\s?\$/u, 'SGD'],
  [/(?<![\p{L}])NT\s?\$/u, 'TWD'],
  [/(?<![\p{L}])MX\s?\$/u, 'MXN'],
  [/(?<![\p{L}])R\s?\$/u, 'BRL'],
  [/(?<![\p{L}])CLP\s?\$/u, 'CLP'],
  [/€/u, 'EUR'],
  [/£/u, 'GBP'],
  [/₽|руб/u, 'RUB'],
  [/₪/u, 'ILS'],
  [/₹/u, 'INR'],
  [/₩|원/u, 'KRW'],
  [/₺/u, 'TRY'],
  [/₴|грн/u, 'UAH'],
  [/₸/u, 'KZT'],
  [/₦/u, 'NGN'],
  [/₱/u, 'PHP'],
  [/₫/u, 'VND'],
  [/฿/u, 'THB'],
  [/zł/iu, 'PLN'],
  [/Kč/u, 'CZK'],
  [/(?<![\p{L}])Ft(?![\p{L}])/u, 'HUF'],
  [/(?<![\p{L}])lei(?![\p{L}])/iu, 'RON'],
  [/(?<![\p{L}])kn(?![\p{L}])/iu, 'HRK'],
  [/лв/u, 'BGN'],
  [/ر\.?\s?س/u, 'SAR'],
  [/د\.?\s?إ/u, 'AED'],
  [/ج\.?\s?م/u, 'EGP'],
  [/円/u, 'JPY'],
  [/(?<![\p{L}])RM(?![\p{L}])/u, 'MYR'],
  [/(?<![\p{L}])Rp(?![\p{L}])/u, 'IDR'],
  [/(?<![\p{L}])CHF(?![\p{L}])|(?<![\p{L}])Fr\./u, 'CHF'],
];

/** Symbols shared by several currencies; resolved by hints. */
const AMBIGUOUS: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/\$/u, ['USD', 'CAD', 'AUD', 'NZD', 'MXN', 'CLP', 'ARS', 'COP', 'UYU', 'SGD', 'HKD', 'TWD']],
  [/[¥￥]/u, ['JPY', 'CNY']],
  [/元/u, ['CNY', 'TWD', 'HKD']],
  [/(?<![\p{L}])kr\.?(?![\p{L}])/iu, ['SEK', 'NOK', 'DKK', 'ISK']],
  [/(?<![\p{L}])Rs\.?(?![\p{L}])|₨/u, ['INR', 'PKR', 'LKR', 'NPR']],
];

/** Country (from host TLD or language region) → currency. */
const COUNTRY_CURRENCY: Record<string, string> = {
  us: 'USD', ca: 'CAD', au: 'AUD', nz: 'NZD', mx: 'MXN', cl: 'CLP', ar: 'ARS', co: 'COP', uy: 'UYU',
  sg: 'SGD', hk: 'HKD', tw: 'TWD', jp: 'JPY', cn: 'CNY', se: 'SEK', no: 'NOK', dk: 'DKK', is: 'ISK',
  in: 'INR', pk: 'PKR', lk: 'LKR', np: 'NPR', uk: 'GBP', gb: 'GBP', br: 'BRL', ru: 'RUB', il: 'ILS',
  pl: 'PLN', ro: 'RON', hr: 'HRK', cz: 'CZK', hu: 'HUF', tr: 'TRY', ua: 'UAH', kr: 'KRW', ch: 'CHF',
  za: 'ZAR', sa: 'SAR', ae: 'AED', eg: 'EGP', my: 'MYR', id: 'IDR', th: 'THB', vn: 'VND', ph: 'PHP', pe: 'PEN',
  de: 'EUR', fr: 'EUR', es: 'EUR', it: 'EUR', pt: 'EUR', nl: 'EUR', be: 'EUR', at: 'EUR', ie: 'EUR',
  fi: 'EUR', gr: 'EUR', sk: 'EUR', si: 'EUR', ee: 'EUR', lv: 'EUR', lt: 'EUR', lu: 'EUR',
};

/** Second-level domains where the country is the last label ("com.ar", "co.uk", "com.tw"). */
function hostCountry(host: string | null | undefined): string | null {
  if (!host) return null;
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  const tld = labels[labels.length - 1] ?? '';
  return tld.length === 2 ? tld : null;
}

function langCountry(lang: string | null | undefined): string | null {
  if (!lang) return null;
  const parts = lang.toLowerCase().split(/[-_]/);
  const region = parts.find((p, i) => i > 0 && /^[a-z]{2}$/.test(p));
  if (region) return region;
  // A bare language tells the country only where one country dominates it.
  const only: Record<string, string> = { ja: 'jp', ko: 'kr', ru: 'ru', pl: 'pl', he: 'il', ro: 'ro', hr: 'hr', cs: 'cz', hu: 'hu', tr: 'tr', uk: 'ua' };
  return only[parts[0] ?? ''] ?? null;
}

function resolveAmbiguous(options: readonly string[], hints: PriceHints): string | null {
  const declared = hints.currency?.trim().toUpperCase();
  if (declared && options.includes(declared)) return declared;
  for (const country of [hostCountry(hints.host), langCountry(hints.lang)]) {
    const currency = country ? COUNTRY_CURRENCY[country] : undefined;
    if (currency && options.includes(currency)) return currency;
  }
  // Traditional Chinese pages quote 元 in New Taiwan dollars, Simplified ones in yuan.
  const lang = hints.lang?.toLowerCase() ?? '';
  if (options.includes('TWD') && /^zh-(hant|tw)/.test(lang)) return 'TWD';
  if (options.includes('CNY') && /^zh(-hans|-cn)?$/.test(lang)) return 'CNY';
  return null;
}

/** The currency the text shows, resolved with hints when the symbol is shared; null when unknown. */
export function detectCurrency(text: string, hints: PriceHints = {}): string | null {
  for (const match of text.matchAll(/(?<![\p{L}])([A-Z]{3})(?![\p{L}])/gu)) {
    const code = match[1] === 'RMB' ? 'CNY' : match[1];
    if (code && ISO_CODES.has(code)) return code;
  }
  for (const [pattern, code] of SYMBOLS) if (pattern.test(text)) return code;
  for (const [pattern, options] of AMBIGUOUS) if (pattern.test(text)) return resolveAmbiguous(options, hints);
  // No symbol at all: the declared currency is the only evidence.
  const declared = hints.currency?.trim().toUpperCase();
  return declared && ISO_CODES.has(declared) ? (declared === 'RMB' ? 'CNY' : declared) : null;
}

/** The first number in the text, as written (digits with their separators). */
const NUMBER = /\d{1,3}(?:[\u0020\u00a0\u202f\u2009'’]\d{3})+(?:[.,]\d+)?|\d[\d.,]*/u;

/** Reads a written number with the separator rules above; null when it is not one. */
export function readAmount(written: string, currency: string | null): number | null {
  const compact = written.replace(/[\u0020\u00a0\u202f\u2009'’]/gu, '').replace(/[.,]+$/u, '');
  if (!/^\d[\d.,]*$/u.test(compact)) return null;
  const lastDot = compact.lastIndexOf('.');
  const lastComma = compact.lastIndexOf(',');
  let decimalMark: '.' | ',' | null = null;
  if (lastDot >= 0 && lastComma >= 0) {
    decimalMark = lastDot > lastComma ? '.' : ',';
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const occurrences = compact.split(mark).length - 1;
    const after = compact.length - compact.lastIndexOf(mark) - 1;
    const integerPart = compact.slice(0, compact.indexOf(mark));
    if (occurrences > 1) decimalMark = null;
    else if (after !== 3) decimalMark = mark;
    else if (integerPart === '0' || (currency !== null && THREE_DECIMALS.has(currency))) decimalMark = mark;
    else decimalMark = null;
  }
  let normalised: string;
  if (decimalMark === null) normalised = compact.replace(/[.,]/gu, '');
  else {
    const at = compact.lastIndexOf(decimalMark);
    normalised = compact.slice(0, at).replace(/[.,]/gu, '') + '.' + compact.slice(at + 1);
  }
  const amount = Number(normalised);
  return Number.isFinite(amount) ? amount : null;
}

/**
 * Parses a price as shown. Returns null when the text holds no amount ("Currently unavailable",
 * "Free", empty). `text` is the shown text with its white space collapsed.
 */
export function parsePrice(text: string | null | undefined, hints: PriceHints = {}): Price | null {
  if (!text) return null;
  const collapsed = text.replace(/[\s\u00a0]+/gu, ' ').trim();
  if (!collapsed || collapsed.length > 120) return null;
  const number = NUMBER.exec(collapsed);
  if (!number) return null;
  // "-5", "−€3", "-18%": a discount or a negative amount, not a price.
  if (/^[-−–]\s?\D{0,4}$/u.test(collapsed.slice(0, number.index)) || collapsed[number.index + number[0].length] === '%') return null;
  const shown = priceSpan(collapsed, number.index, number.index + number[0].length);
  const currency = detectCurrency(shown, hints);
  const amount = readAmount(number[0], currency);
  if (amount === null || amount < 0) return null;
  return { amount, currency, text: shown };
}

/**
 * A currency sign or word standing next to an amount: "US $", "R$", "GBP", "€", "zł", "ر.س", "元".
 * Words must end there ("Lei", not "Leipzig"); CJK signs may run into the next word ("元起").
 */
const CURRENCY = String.raw`(?:[A-Z]{1,3} ?[$€£¥]|[$€£¥￥₽₪₹₩₺₴₸₦₱₫฿₨元円]|(?:[A-Z]{3}|Rs\.?|kr\.?|zł|Kč|Ft|[Ll]ei|[Kk]n|лв|руб\.?|грн|ر\.? ?س|د\.? ?إ|ج\.? ?م|RM|Rp|Fr\.)(?![\p{L}]))`;
const CURRENCY_BEFORE = new RegExp(String.raw`(?:^|[\s(])(${CURRENCY}) ?$`, 'u');
/**
 * A sign after the amount, unless it is the next price's own: "$", "£" and "¥" lead their amount
 * ("$111.99 $141.99"); other signs may follow theirs ("899 ₽ 41", "499€ 499€") unless glued to
 * the next digits.
 */
const LEADING_SIGN = String.raw`(?:[A-Z]{1,3} ?)?[$£¥￥]`;
const CURRENCY_AFTER = new RegExp(String.raw`^ ?(?:${LEADING_SIGN}(?! ?\d)|(?!${LEADING_SIGN})${CURRENCY}(?!\d))`, 'u');
const RANGE_END = new RegExp(String.raw`^ ?[-–—] ?(?:${CURRENCY} ?)?(?:${NUMBER.source})(?![\d%])`, 'u');

/**
 * The part of a price label that is the price: the first amount with the currency sign on either
 * side, and the upper amount of a range ("$10 - $20"); not the "-18%" badge, a former price or
 * "適用折價券" around it. Still exactly as shown: a substring of the label.
 */
function priceSpan(text: string, start: number, end: number): string {
  const before = CURRENCY_BEFORE.exec(text.slice(0, start));
  if (before?.[1]) start -= before[0].length - (before[0].length - before[0].trimStart().length);
  const after = CURRENCY_AFTER.exec(text.slice(end));
  if (after) end += after[0].length;
  const range = RANGE_END.exec(text.slice(end));
  if (range) {
    end += range[0].length;
    const rangeCurrency = CURRENCY_AFTER.exec(text.slice(end));
    if (rangeCurrency) end += rangeCurrency[0].length;
  }
  return text.slice(start, end).trim();
}

/** A price given as a machine value (JSON-LD "price": "48.99", meta content) with its declared currency. */
export function priceFromValue(
  value: unknown,
  currency: string | null | undefined,
  hints: PriceHints = {},
): Price | null {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
    return { amount: value, currency: normaliseCode(currency), text: String(value) };
  }
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  // Machine values use "." as the decimal mark ("229990", "48.99", "1234.5"): read them as such.
  if (/^\d+(?:\.\d+)?$/u.test(trimmed)) {
    return { amount: Number(trimmed), currency: normaliseCode(currency), text: trimmed };
  }
  return parsePrice(trimmed, { ...hints, currency: currency ?? hints.currency ?? null });
}

function normaliseCode(code: string | null | undefined): string | null {
  const upper = code?.trim().toUpperCase();
  if (!upper) return null;
  if (upper === 'RMB') return 'CNY';
  return ISO_CODES.has(upper) ? upper : null;
}
