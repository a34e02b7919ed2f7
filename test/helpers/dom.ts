/**
 * Two DOM implementations for core/page tests: happy-dom (a browser-like DOM) and linkedom
 * (what the CLI parses with). Core DOM code must behave the same on both.
 */
import { Window } from 'happy-dom';
import { parseHTML } from 'linkedom';

export type ParseHtml = (html: string) => Document;

/** Fragments get a document around them, as browsers and the CLI do. */
function wrap(html: string): string {
  return /<html[\s>]|<body[\s>]|<head[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
}

export const parseWithHappyDom: ParseHtml = (html) => {
  const window = new Window({ url: 'https://shop.example/item/1' });
  return new window.DOMParser().parseFromString(wrap(html), 'text/html') as unknown as Document;
};

export const parseWithLinkedom: ParseHtml = (html) => parseHTML(wrap(html)).document as unknown as Document;

export const DOMS: ReadonlyArray<readonly [string, ParseHtml]> = [
  ['happy-dom', parseWithHappyDom],
  ['linkedom', parseWithLinkedom],
];
