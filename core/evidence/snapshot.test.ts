// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { serializeSnapshot } from './snapshot.ts';

function page(html: string): Document {
  document.open();
  document.write(html);
  document.close();
  return document;
}

describe('HTML snapshot', () => {
  it('removes scripts, event handlers and javascript: URLs, and adds a no-network CSP', () => {
    const doc = page(`<html><head><title>T &amp; C</title><script>steal()</script></head>
      <body onload="x()"><a href="javascript:alert(1)" onclick="y()">link</a><img src="/p.png" onerror="z()">
      <p>Buy <b>oxy</b>codone &lt;now&gt;</p><noscript>no</noscript></body></html>`);
    const { html } = serializeSnapshot({ capturedAt: '2026-11-29T12:00:00Z' }, doc);
    expect(html).not.toMatch(/<script|onload|onclick|onerror|javascript:|<noscript/i);
    expect(html).toContain(`default-src 'none'`);
    expect(html).toContain('<p>Buy <b>oxy</b>codone &lt;now&gt;</p>');
    expect(html).toContain('<title>T &amp; C</title>');
    expect(html).toMatch(/<img src="http[^"]*\/p\.png">/);
  });

  it('serialises open shadow roots as declarative shadow DOM', () => {
    const doc = page('<html><body><div id="host">light</div></body></html>');
    const host = doc.getElementById('host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<style>p{color:red}</style><p>inside <slot></slot></p>';
    const result = serializeSnapshot({ capturedAt: 'now' }, doc);
    expect(result.shadowRoots).toBe(1);
    expect(result.html).toContain('<div id="host"><template shadowrootmode="open"><style>p{color:red}</style><p>inside <slot></slot></p></template>light</div>');
  });

  it('keeps form state as shown and never a password', () => {
    const doc = page('<html><body><input id="q" value="old"><input type="password" id="pw" value="secret"><textarea id="t">a</textarea></body></html>');
    (doc.getElementById('q') as HTMLInputElement).value = 'typed <x>';
    (doc.getElementById('t') as HTMLTextAreaElement).value = 'edited';
    const { html } = serializeSnapshot({ capturedAt: 'now' }, doc);
    expect(html).toContain('<input id="q" value="typed &lt;x&gt;">');
    expect(html).not.toContain('secret');
    expect(html).toContain('<textarea id="t">edited</textarea>');
  });

  it('inlines document style sheets once and cannot be ended early by "</style" in CSS', () => {
    const doc = page('<html><head><style>.a::after{content:"</style><script>x()</script>"}</style></head><body><p class="a">x</p></body></html>');
    const { html } = serializeSnapshot({ capturedAt: 'now' }, doc);
    expect(html.match(/<style/g)).toHaveLength(1);
    expect(html).toContain('data-listing-inspector="inlined"');
    expect(html).not.toMatch(/<\/style><script>/);
  });
});
