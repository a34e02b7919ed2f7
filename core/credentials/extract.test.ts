import { describe, expect, it } from 'vitest';
import type { PageLink, TextBlock, Zone } from '../engine/types.ts';
import { dedupeCredentials, extractCredentials } from './extract.ts';

const now = new Date('2026-11-29T00:00:00Z');
const block = (text: string, zone: Zone = 'listing'): TextBlock => ({ text, where: 'visible', zone });
const summary = (blocks: TextBlock[], links: PageLink[] = [], url: string | null = null) =>
  extractCredentials({ blocks, links, url, now }).map((r) => `${r.type} ${r.status} ${r.value}`);

describe('extractCredentials on realistic pages', () => {
  it('a US online pharmacy (English)', () => {
    const blocks = [
      block('Atorvastatin 20 mg, 90 tablets — prescription required'),
      block('Sold and dispensed by HealthyRx Pharmacy · NPI 2987654326 · DEA Registration: BH1234563'),
      block('© 2026 HealthyRx. Questions? Call 1-800-555-0199.', 'page'),
    ];
    const links = [
      { href: 'https://www.legitscript.com/websites/?checker_keywords=healthyrx.com', text: 'Verify LegitScript Approval', src: 'https://static.legitscript.com/seals/4815162.png' },
    ];
    expect(summary(blocks, links, 'https://www.healthyrx.com/atorvastatin-20mg')).toEqual([
      'dea unverified BH1234563',
      'npi unverified 2987654326',
      'legitscript valid healthyrx.com',
    ]);
  });

  it('a seller with forged numbers and a borrowed seal (English)', () => {
    const blocks = [block('Licensed pharmacy! DEA# FB1234564, NPI: 1234567890. Oxycodone 30mg no prescription needed')];
    const links = [{ href: 'https://www.legitscript.com/websites/realpharmacy.com', text: '', src: 'https://static.legitscript.com/seals/1.png' }];
    expect(summary(blocks, links, 'https://cheap-meds.example.net/oxy')).toEqual([
      'dea invalid FB1234564',
      'npi invalid 1234567890',
      'legitscript invalid realpharmacy.com',
    ]);
  });

  it('a Spanish online pharmacy with the EU logo, a Colombian and a Mexican product (Spanish)', () => {
    const blocks = [
      block('Farmacia Ldo. Pérez · CIF: B-12345674 · Calle Mayor 1, 28013 Madrid', 'page'),
      block('Dolex 500 mg x 100 tabletas. Registro Sanitario INVIMA 2015M-0016284'),
      block('Paracetamol 500 mg. Reg. No. 471M2001 SSA IV'),
    ];
    const links = [
      {
        href: 'https://distafarma.aemps.es/farmacom/faces/sec/CCAA/listadoCCAA.xhtml?farma=4711',
        text: 'Haga clic para verificar si este sitio web opera legalmente',
        src: '/img/logo-comun-ue.png',
      },
    ];
    expect(summary(blocks, links, 'https://www.farmaciaperez.es/dolex')).toEqual([
      'es-aemps unverified https://distafarma.aemps.es/farmacom/faces/sec/CCAA/listadoCCAA.xhtml?farma=4711',
      'es-nif unverified B12345674',
      'mx-cofepris-product unverified 471M2001 SSA IV',
      'co-invima unverified INVIMA 2015M-0016284',
    ]);
  });

  it('a Chinese shop footer carrying the platform’s own licences, and no ICP or telecom licence (Chinese)', () => {
    const footer = block(
      '互联网药品信息服务资格证书：(浙)-经营性-2022-0011 | 药品网络交易第三方平台备案凭证：(浙)网药平台备字〔2022〕第000002-000号 | 浙ICP备09109183号 | 增值电信业务经营许可证：浙B2-20080224',
      'page',
    );
    expect(summary([footer], [], 'https://detail.tmall.com/item.htm?id=1')).toEqual([
      'cn-internet-drug-info unverified (浙)-经营性-2022-0011',
      'cn-platform-filing unverified (浙)网药平台备字〔2022〕第000002-000号',
    ]);
  });

  it('a Chinese pharmacy shop with fullwidth numbers and an expired certificate (Chinese)', () => {
    const blocks = [
      block('店铺资质：药品经营许可证 琼ＡＡ８９８０００００１；营业执照 统一社会信用代码：９１３３０１００７９９６５５０５８Ｂ'),
      block('互联网药品信息服务资格证书（琼）－非经营性－２０１９－００３１', 'page'),
    ];
    expect(summary(blocks)).toEqual([
      'cn-internet-drug-info invalid (琼)-非经营性-2019-0031',
      'cn-drug-trading-licence unverified 琼AA898000001',
      'cn-credit-code unverified 91330100799655058B',
    ]);
  });

  it('a .pharmacy site needs nothing but its address', () => {
    expect(summary([block('Welcome')], [], 'https://shop.goodhealth.pharmacy/')).toEqual(['nabp-pharmacy-domain valid goodhealth.pharmacy']);
    expect(summary([block('Welcome')], [], 'https://goodhealth-pharmacy.com/')).toEqual([]);
  });
});

describe('extractCredentials: what it must not read', () => {
  it('finds nothing in an ordinary product page full of numbers', () => {
    const blocks = [
      block('Item model number 1234567893 · ASIN B07XJ8C8F5 · UPC 012345678905'),
      block('Call 1-800-555-0199 or 2987654326 · Order #FB1234563 · Ref 12345678Z'),
      block('Pharmacy · Prescriptions · Amazon Pharmacy · PillPack', 'page'),
    ];
    expect(summary(blocks, [{ href: 'https://www.amazon.com/pharmacy', text: 'Amazon Pharmacy' }], 'https://www.amazon.com/dp/B07XJ8C8F5')).toEqual([]);
  });

  it('undoes zero-width characters and fullwidth digits inside numbers', () => {
    expect(summary([block('NPI 12345\u200B67893')])).toEqual(['npi unverified 1234567893']);
    expect(summary([block('ＮＰＩ：１２３４５６７８９３')])).toEqual(['npi unverified 1234567893']);
  });

  it('reports each credential once however often the page repeats it', () => {
    const blocks = [block('NPI: 1234567893'), block('NPI 123-456-7893', 'page'), block('Registro Sanitario INVIMA 2015M-0016284')];
    expect(summary(blocks)).toEqual(['npi unverified 1234567893', 'co-invima unverified INVIMA 2015M-0016284']);
  });

  it('keeps the strongest outcome when the same credential is read twice', () => {
    const r = dedupeCredentials([
      { type: 'legitscript', value: 'a.com', status: 'unverified', reason: 'x' },
      { type: 'legitscript', value: 'a.com', status: 'valid', reason: 'y' },
    ]);
    expect(r).toEqual([{ type: 'legitscript', value: 'a.com', status: 'valid', reason: 'y' }]);
  });

  it('rejects an invalid scan date with a clear error', () => {
    expect(() => extractCredentials({ blocks: [], links: [], url: null, now: new Date('not a date') })).toThrow(/`now` is an invalid Date/);
  });
});

describe('extractCredentials on Traditional Chinese', () => {
  it('reads mainland licences written in Traditional characters, as issued (Simplified)', () => {
    const footer = block('互聯網藥品信息服務資格證書：(滬)-經營性-2023-0456 藥品網絡交易第三方平台備案憑證：(粵)網藥平台備字〔2023〕第000031-000號 藥品經營許可證：粵DA020123456', 'page');
    expect(summary([footer])).toEqual([
      'cn-internet-drug-info unverified (沪)-经营性-2023-0456',
      'cn-drug-trading-licence unverified 粤DA020123456',
      'cn-platform-filing unverified (粤)网药平台备字〔2023〕第000031-000号',
    ]);
  });
});
