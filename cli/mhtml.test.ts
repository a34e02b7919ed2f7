import { describe, expect, it } from 'vitest';
import { encodeLegacy } from '../test/helpers/encode.ts';
import { captureIo } from '../test/helpers/cli-io.ts';
import { fakeScanner } from '../test/helpers/fake-scanner.ts';
import type { PageResult } from '../core/findings.ts';
import { decodeQuotedPrintable, looksLikeMhtml, readMhtml } from './mhtml.ts';
import { runScan } from './scan.ts';

/** An MHTML file in the shape Chromium saves: quoted-printable page, frame parts, resources. */
function mhtml(parts: string[], boundary = '----MultipartBoundary--x1y2----'): string {
  return [
    'From: <Saved by Blink>',
    'Snapshot-Content-Location: https://shop.example/item/9',
    'Subject: Item 9',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    `\tboundary="${boundary}"`,
    '',
    '',
    ...parts.map((p) => `--${boundary}\r\n${p}`),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

const PAGE = [
  'Content-Type: text/html',
  'Content-ID: <frame-1@mhtml.blink>',
  'Content-Transfer-Encoding: quoted-printable',
  'Content-Location: https://shop.example/item/9',
  '',
  '<!DOCTYPE html><html><head><meta http-equiv=3D"Content-Type" content=3D"text/html; charset=3DUTF-8"></head><body><h1>Buy oxy=',
  'codone</h1><p>Caf=C3=A9 con leche</p><iframe src=3D"cid:frame-2@mhtml.blink"></iframe>',
  '<div><template shadowmode=3D"open"><p>tramadol in a shadow root</p></template></div></body></html>',
].join('\r\n');
const FRAME = ['Content-Type: text/html', 'Content-ID: <frame-2@mhtml.blink>', 'Content-Transfer-Encoding: quoted-printable', '', '<html><body><p>xanax in a frame</p></body></html>'].join('\r\n');
const IMAGE = ['Content-Type: image/png', 'Content-Transfer-Encoding: base64', 'Content-Location: https://shop.example/a.png', '', 'iVBORw0KGgo='].join('\r\n');

describe('MHTML', () => {
  it('decodes quoted-printable with soft line breaks and stray "="', () => {
    const text = (s: string): string => new TextDecoder().decode(decodeQuotedPrintable(new TextEncoder().encode(s)));
    expect(text('a=3Db=\r\nc=C3=A9 =ZZ=\nd')).toBe('a=bcé =ZZd');
  });

  it('reads the page, its frames and the captured URL', () => {
    const file = new TextEncoder().encode(mhtml([PAGE, FRAME, IMAGE]));
    expect(looksLikeMhtml(file)).toBe(true);
    expect(looksLikeMhtml(new TextEncoder().encode('<html>Content-Type: multipart/related</html>'))).toBe(false);
    const page = readMhtml(file);
    expect(page?.url).toBe('https://shop.example/item/9');
    expect(new TextDecoder().decode(page?.html)).toContain('<h1>Buy oxycodone</h1><p>Café con leche</p>');
    expect([...(page?.frames.keys() ?? [])]).toEqual(['cid:frame-2@mhtml.blink']);
  });

  it('scans a saved page with its frames and shadow roots', async () => {
    const io = captureIo(mhtml([PAGE, FRAME, IMAGE]));
    expect(await runScan(['-'], io, async () => fakeScanner())).toBe(0);
    const [page] = JSON.parse(io.stdoutText) as PageResult[];
    expect(page?.url).toBe('https://shop.example/item/9');
    expect(page?.findings.map((f) => [f.matched, f.where])).toEqual([
      ['oxycodone', 'visible'],
      ['xanax', 'iframe'],
      ['tramadol', 'shadow-dom'],
    ]);
  });

  it('follows the part charset and base64 transfer encoding', async () => {
    const gbk = Buffer.from(encodeLegacy('<html><body><p>出售三唑仑</p></body></html>', 'gbk')).toString('base64');
    const part = ['Content-Type: text/html; charset=gbk', 'Content-Transfer-Encoding: base64', '', gbk.replace(/(.{76})/g, '$1\r\n')].join('\r\n');
    const io = captureIo(mhtml([part]));
    expect(await runScan(['-'], io, async () => fakeScanner())).toBe(0);
    const [page] = JSON.parse(io.stdoutText) as PageResult[];
    expect(page?.findings.map((f) => f.matched)).toEqual(['三唑仑']);
  });

  it('reports an MHTML file without a page as an input error', async () => {
    const io = captureIo(mhtml([IMAGE]));
    expect(await runScan(['-'], io, async () => fakeScanner())).toBe(2);
    expect(io.stderrText).toBe('listing-inspector: stdin: not a page: the MHTML file holds no text/html part\n');
  });
});
