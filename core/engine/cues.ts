/**
 * Built-in context cues found by pattern rather than by word list: quantities and
 * prices. A drug-sale listing reads "5g", "30mg", "x100", "1oz", "QP", "$20/g"; the same
 * slang word without them is usually something else (DOMAIN.md §3b).
 */

// A number with a dose, weight, count or volume unit; a multiplier; bulk words.
const QUANTITY =
  /(?<![\p{L}\p{N}])(?:\d+(?:[.,]\d+)?\s?(?:mg|mcg|µg|ug|gr?|grams?|gramos?|kg|kilos?|oz|ounces?|onzas?|lbs?|ml|pills?|pastillas?|tabs?|tablets?|tabletas?|caps?|capsules?|c[aá]psulas?|pcs|units?|iu|vials?|viales?|ampoules?|ampollas?|bars?|blotters?)(?![\p{L}])|[x×]\s?\d{1,4}(?![\p{L}\p{N}])|\d{1,4}\s?[x×](?![\p{L}])|\b(?:qp|hp|zips?|eight[\s-]?ball|8[\s-]?ball|1\/2\s?oz|half\s?oz)\b|\d+(?:\.\d+)?\s?(?:克|粒|片|支|瓶|公斤|毫克|毫升))/giu;

// "5G" in capitals is a mobile network, not five grams.
const NETWORK = /^[3-6]\s?G$/;

const PRICE =
  /(?:[$€£¥₱₹₩]|US\$|MX\$|R\$|COP|ARS|MXN)\s?\d|\d(?:[.,]\d+)?\s?(?:usd|eur|mxn|cop|ars|clp|pesos|d[oó]lares|euros|元|块|美元|rmb|btc|usdt)(?![\p{L}])|\$\s?\/\s?g/giu;

export interface CueSpan {
  start: number;
  end: number;
}

export function findQuantities(text: string): CueSpan[] {
  const spans: CueSpan[] = [];
  QUANTITY.lastIndex = 0;
  for (let m = QUANTITY.exec(text); m !== null; m = QUANTITY.exec(text)) {
    if (NETWORK.test(m[0])) continue;
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

export function findPrices(text: string): CueSpan[] {
  const spans: CueSpan[] = [];
  PRICE.lastIndex = 0;
  for (let m = PRICE.exec(text); m !== null; m = PRICE.exec(text)) {
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}
