import { describe, expect, it } from 'vitest';
import { collectUrls, runCapture } from './capture.ts';

describe('cli capture arguments', () => {
  it('takes URLs from arguments and from files, skipping comments and reporting bad lines', () => {
    const files: Record<string, string> = { 'urls.txt': '# list\nhttps://a.example/1\n\n  http://b.example/2  \nftp://c.example\n' };
    const read = (file: string) => {
      const text = files[file];
      if (text === undefined) throw new Error('ENOENT');
      return text;
    };
    expect(collectUrls(['https://x.example/', 'urls.txt', 'missing.txt'], read)).toEqual({
      urls: ['https://x.example/', 'https://a.example/1', 'http://b.example/2'],
      problems: ['urls.txt:5: not an http(s) URL: ftp://c.example', 'missing.txt: neither an http(s) URL nor a readable file of URLs'],
    });
  });

  it('exits 2 on bad usage without starting a browser', async () => {
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    expect(await runCapture([], io)).toBe(2);
    expect(lines.join('\n')).toMatch(/no URL given/);
    expect(await runCapture(['--category', 'candy', 'https://a.example/'], io)).toBe(2);
    expect(lines.join('\n')).toMatch(/--category must be one of/);
    expect(await runCapture(['--wait'], io)).toBe(2);
    expect(await runCapture(['--help'], io)).toBe(0);
  });
});
