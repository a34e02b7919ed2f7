/**
 * Credentials read from the links and blocks the page text map really produces (core/page): an
 * anchor and its image arrive as two links sharing the href, image-only seals carry no href, and
 * footers are page chrome. Guards the contract between the two modules.
 */
import { describe, expect, it } from 'vitest';
import { DOMS } from '../../test/helpers/dom.ts';
import { buildTextMap, staticVisibilityProbe } from '../page/index.ts';
import { extractCredentials } from './extract.ts';

const now = new Date('2026-11-29T00:00:00Z');

describe.each(DOMS)('credentials from the page text map (%s)', (_name, parse) => {
  const scan = (html: string, url: string) => {
    const map = buildTextMap(parse(html), { visibility: staticVisibilityProbe, parseHtml: parse, baseUrl: url });
    return extractCredentials({ blocks: map.blocks, links: map.links, url, now }).map((r) => `${r.type} ${r.status} ${r.value}`);
  };

  it('an English pharmacy page with a LegitScript seal and labelled numbers', () => {
    const html = `
      <main><h1>Atorvastatin 20 mg</h1><p>Dispensed by HealthyRx Pharmacy. NPI: 2987654326</p></main>
      <footer>
        <a href="https://www.legitscript.com/websites/?checker_keywords=healthyrx.com">
          <img src="https://static.legitscript.com/seals/4815162.png" alt="Verify LegitScript Approval"></a>
        <p>DEA Registration # BH1234563</p>
      </footer>`;
    expect(scan(html, 'https://www.healthyrx.com/atorvastatin')).toEqual([
      'dea unverified BH1234563',
      'npi unverified 2987654326',
      'legitscript valid healthyrx.com',
    ]);
  });

  it('a Spanish pharmacy page with the EU common logo linking to Distafarma', () => {
    const href = 'https://distafarma.aemps.es/farmacom/faces/sec/CCAA/listadoCCAA.xhtml?farma=4711';
    const html = `
      <main><h1>Ibuprofeno 400 mg 30 comprimidos</h1></main>
      <footer><a href="${href}"><img src="/img/logo-comun.png" alt="Haga clic para verificar si este sitio web opera legalmente"></a>
      <p>Farmacia Ldo. Pérez · CIF: B-12345674</p></footer>`;
    expect(scan(html, 'https://www.farmaciaperez.es/ibuprofeno')).toEqual([`es-aemps unverified ${href}`, 'es-nif unverified B12345674']);
  });

  it('a counterfeit EU logo: an image that links nowhere', () => {
    const html = `<main><h1>Viagra 100mg sin receta</h1></main><footer><img src="/img/eu-common-logo.png" alt="Click to verify if this website is operating legally"></footer>`;
    expect(scan(html, 'https://farmacia-barata.example/viagra')).toEqual(['eu-common-logo invalid (no link)']);
  });

  it('a Chinese shop footer: the platform’s licences, nothing else', () => {
    const html = `
      <main><h1>保温杯 500ml 不锈钢</h1></main>
      <footer><p>互联网药品信息服务资格证书：(浙)-经营性-2022-0011</p>
      <p>药品网络交易第三方平台备案凭证：(浙)网药平台备字〔2022〕第000002-000号</p>
      <p><a href="https://beian.miit.gov.cn/">浙ICP备09109183号</a> 增值电信业务经营许可证：浙B2-20080224</p></footer>`;
    expect(scan(html, 'https://item.taobao.com/item.htm?id=1')).toEqual([
      'cn-internet-drug-info unverified (浙)-经营性-2022-0011',
      'cn-platform-filing unverified (浙)网药平台备字〔2022〕第000002-000号',
    ]);
  });
});
