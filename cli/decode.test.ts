import { describe, expect, it } from 'vitest';
import { encodeLegacy, encodeWindows1252 } from '../test/helpers/encode.ts';
import { declaredCharset, decodeHtml, guessEncoding } from './decode.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

const ZH = '正品保障，全国包邮。本店商品均为正品，支持七天无理由退货。药品网络交易服务，请凭处方购买。';
const JA = 'こちらの商品は送料無料です。お問い合わせはお気軽にどうぞ。ご注文をお待ちしております。';

describe('decodeHtml', () => {
  it('follows a byte-order mark over a meta tag', () => {
    const bytes = concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8('<meta charset="gbk"><p>ñandú</p>'));
    expect(decodeHtml(bytes)).toMatchObject({ encoding: 'utf-8', how: 'bom', text: '<meta charset="gbk"><p>ñandú</p>' });
  });

  it('reads <meta charset>, http-equiv and XML declarations', () => {
    expect(declaredCharset(utf8('<html><head><meta charset="GB2312">'))).toBe('gbk');
    expect(declaredCharset(utf8('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'))).toBe('shift_jis');
    expect(declaredCharset(utf8('<?xml version="1.0" encoding="ISO-8859-1"?><html>'))).toBe('windows-1252');
    expect(declaredCharset(utf8('<meta charset="no-such-charset">'))).toBeNull();
    expect(declaredCharset(utf8('<p>no declaration</p>'))).toBeNull();
  });

  it('decodes a declared GBK page', () => {
    const bytes = concat(utf8('<meta charset="gbk"><p>'), encodeLegacy(ZH, 'gbk'), utf8('</p>'));
    const d = decodeHtml(bytes);
    expect(d).toMatchObject({ encoding: 'gbk', how: 'declared' });
    expect(d.text).toContain(ZH);
  });

  it('recovers GBK bytes under a UTF-8 meta tag and says it guessed', () => {
    const bytes = concat(utf8('<meta charset="utf-8"><title>x</title><p>'), encodeLegacy(ZH.repeat(3), 'gbk'), utf8('</p>'));
    const d = decodeHtml(bytes);
    expect(d).toMatchObject({ encoding: 'gb18030', declared: 'utf-8', how: 'guessed' });
    expect(d.text).toContain(ZH);
    expect(d.text).not.toContain('\uFFFD');
  });

  it('reads UTF-8 bytes under a stale legacy charset tag as UTF-8', () => {
    const d = decodeHtml(utf8('<meta charset="iso-8859-1"><p>Envío gratis, pequeño tamaño, garantía</p>'));
    expect(d).toMatchObject({ encoding: 'utf-8', declared: 'windows-1252', how: 'guessed' });
    expect(d.text).toContain('Envío gratis, pequeño tamaño, garantía');
    const zh = decodeHtml(utf8(`<meta charset="gbk"><p>${ZH}</p>`));
    expect(zh).toMatchObject({ encoding: 'utf-8', declared: 'gbk', how: 'guessed' });
    // Real legacy bytes stay with their declared charset.
    expect(decodeHtml(encodeWindows1252('<meta charset="iso-8859-1"><p>Envío gratis, pequeño tamaño, garantía</p>'))).toMatchObject({
      encoding: 'windows-1252',
      how: 'declared',
    });
  });

  it('keeps the declared decoding when a few stray bytes are all that is wrong', () => {
    const bytes = concat(utf8('<meta charset="utf-8"><p>Vitamina C ñ é '.repeat(20)), new Uint8Array([0xff]), utf8('</p>'));
    const d = decodeHtml(bytes);
    expect(d).toMatchObject({ encoding: 'utf-8', how: 'declared' });
    expect(d.text.match(/\uFFFD/g)).toHaveLength(1);
  });

  it('guesses undeclared pages: UTF-8, GBK, Shift_JIS, windows-1252', () => {
    expect(guessEncoding(utf8(`<p>${ZH}</p>`))).toBe('utf-8');
    expect(guessEncoding(concat(utf8('<p>'), encodeLegacy(ZH, 'gbk')))).toBe('gb18030');
    expect(guessEncoding(concat(utf8('<p>'), encodeLegacy(JA, 'shift_jis')))).toBe('shift_jis');
    expect(guessEncoding(encodeWindows1252('<p>Envío gratis a toda España, garantía de devolución, pequeño tamaño.</p>'))).toBe('windows-1252');
    const d = decodeHtml(encodeWindows1252('<p>Envío gratis, pequeño tamaño, sin receta</p>'));
    expect(d).toMatchObject({ encoding: 'windows-1252', how: 'guessed', declared: null });
    expect(d.text).toContain('Envío gratis');
  });

  it('never throws on arbitrary bytes', () => {
    let seed = 1;
    for (let n = 0; n < 20; n++) {
      const bytes = new Uint8Array(2000).map(() => {
        seed = (seed * 48271) % 2147483647;
        return seed & 0xff;
      });
      expect(() => decodeHtml(bytes)).not.toThrow();
    }
  });
});
