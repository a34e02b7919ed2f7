import { describe, expect, it } from 'vitest';
import { parsePrice, priceFromValue } from './price.ts';

/** Labels whose price is a part of them ("ab" = "from"). */
const SPANS: Record<string, string> = { 'ab 99,12 €': '99,12 €' };

describe('parsePrice', () => {
  const table: Array<[string, { host?: string; lang?: string; currency?: string }, number, string | null]> = [
    ['$229.990', { host: 'www.paris.cl' }, 229990, 'CLP'],
    ['$3.499 - $4.059', { host: 'www.stockcenter.com.ar' }, 3499, 'ARS'],
    ['1.234,56 €', {}, 1234.56, 'EUR'],
    ['R$ 1.299,00', {}, 1299, 'BRL'],
    ['¥1,299', { host: 'item.rakuten.co.jp' }, 1299, 'JPY'],
    ['¥1,299', { lang: 'zh-CN' }, 1299, 'CNY'],
    ['¥1,299', {}, 1299, null],
    ['US $12.99', {}, 12.99, 'USD'],
    ['12,99 zł', {}, 12.99, 'PLN'],
    ['₪ 199.90', {}, 199.9, 'ILS'],
    ['199 ₽', {}, 199, 'RUB'],
    ['1 529 ₽', {}, 1529, 'RUB'],
    ['GBP 12,99', {}, 12.99, 'GBP'],
    ['5,95 EUR', {}, 5.95, 'EUR'],
    ['£5,100.00', {}, 5100, 'GBP'],
    ['Rs 23,450', { host: 'www.olx.com.pk' }, 23450, 'PKR'],
    ['Rs 23,450', {}, 23450, null],
    ['1,679 ₪', {}, 1679, 'ILS'],
    ['173,34 Lei', {}, 173.34, 'RON'],
    ['270,00 Kn', {}, 270, 'HRK'],
    ['99 ر.س', {}, 99, 'SAR'],
    ['294 元', { host: 'www.pcstore.com.tw' }, 294, 'TWD'],
    ['ab 99,12 €', {}, 99.12, 'EUR'],
    ['$15', {}, 15, null],
    ['$15', { lang: 'en-US' }, 15, 'USD'],
    ['$15', { currency: 'CAD' }, 15, 'CAD'],
    ['€149,00', { currency: 'USD' }, 149, 'EUR'],
    ['1.250 KWD', {}, 1.25, 'KWD'],
    ['0.500', {}, 0.5, null],
    ['1,234,567', {}, 1234567, null],
    ["CHF 1'299.50", {}, 1299.5, 'CHF'],
    ['C$ 20', {}, 20, 'CAD'],
  ];
  for (const [text, hints, amount, currency] of table) {
    it(`${text} ${JSON.stringify(hints)} → ${amount} ${currency}`, () => {
      expect(parsePrice(text, hints)).toEqual({ amount, currency, text: SPANS[text] ?? text });
    });
  }

  it('keeps only the price from a label: not badges, former prices or notes around it', () => {
    const cases: Array<[string, string]> = [
      ['$229.990 -18%', '$229.990'],
      ['$111.99 $141.99 21% Off', '$111.99'],
      ['499€ 499€ 499', '499€'],
      ['899 ₽ 41', '899 ₽'],
      ['2320 元 適用折價券', '2320 元'],
      ['3,500円（税 0 円）', '3,500円'],
      ['12,44 € + 6,99 € Livraison', '12,44 €'],
      ['US$2.10 - 2.80', 'US$2.10 - 2.80'],
      ['$10 - $20 each', '$10 - $20'],
      ['Lei 5 Leipzig', 'Lei 5'],
    ];
    for (const [label, span] of cases) expect(parsePrice(label)?.text, label).toBe(span);
  });

  it('keeps the text as shown, white space collapsed', () => {
    expect(parsePrice('  149,00\u00a0€ ')?.text).toBe('149,00 €');
  });

  it('gives null when no amount is shown, never a guess', () => {
    for (const text of ['', 'Currently unavailable.', 'Free', 'Gratis', null, undefined]) {
      expect(parsePrice(text)).toBeNull();
    }
  });
});

describe('priceFromValue', () => {
  it('reads machine values with a dot decimal mark', () => {
    expect(priceFromValue('229990', 'CLP')).toEqual({ amount: 229990, currency: 'CLP', text: '229990' });
    expect(priceFromValue('48.99', 'gbp')).toEqual({ amount: 48.99, currency: 'GBP', text: '48.99' });
    expect(priceFromValue(12, null)).toEqual({ amount: 12, currency: null, text: '12' });
  });

  it('rejects unknown currency codes and non-prices', () => {
    expect(priceFromValue('10', 'XYZ')?.currency).toBeNull();
    expect(priceFromValue({}, 'USD')).toBeNull();
    expect(priceFromValue('-', 'USD')).toBeNull();
  });
});

describe('not prices', () => {
  it('rejects negative amounts and percentages', () => {
    for (const text of ['-5', '−€3', '-18%', '20%', '- 4,00 €']) expect(parsePrice(text), text).toBeNull();
    expect(priceFromValue('-5', 'USD')).toBeNull();
  });
});
