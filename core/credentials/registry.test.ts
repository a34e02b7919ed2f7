import { describe, expect, it } from 'vitest';
import { CredentialResult } from '../findings.ts';
import type { TextBlock } from '../engine/types.ts';
import { extractCredentials } from './extract.ts';
import { CREDENTIAL_TYPES, credentialKind, credentialType } from './registry.ts';

/** One labelled sample per type that reads text, run through the whole pipeline (hints included). */
const SAMPLES: Record<string, string> = {
  dea: 'DEA Reg: F91234563',
  npi: 'NPI 1234567893',
  'es-nif': 'NIF: 12345678Z',
  'uk-gphc': 'GPhC registration 1041234',
  'mx-cofepris': 'LICENCIA SANITARIA 09 AM 15 0012',
  'mx-cofepris-product': 'Reg. No. 123M2015 SSA IV',
  'co-invima': 'Registro Sanitário: 2015M-0016284',
  'ar-anmat': 'Farmacia Sur, GLN 7791234567898',
  'ar-anmat-product': 'Especialidad medicinal. Certificado N° 52.340',
  'cn-internet-drug-info': '(京)-非经营性-2023-0001',
  'cn-drug-trading-licence': '药品经营许可证：琼AA898000001',
  'cn-platform-filing': '(京)网药平台备字〔2022〕第000001-000号',
  'cn-credit-code': '统一社会信用代码：91330100799655058B',
};

describe('credential registry', () => {
  it('has unique ids and every type a kind', () => {
    const ids = CREDENTIAL_TYPES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(credentialKind(id)).not.toBeNull();
    expect(credentialKind('no-such-type')).toBeNull();
    expect(credentialType('dea')?.name).toBe('US DEA registration');
  });

  it('names the ids the brief and the findings contract use', () => {
    for (const id of [
      'dea', 'npi', 'legitscript', 'nabp-pharmacy-domain', 'eu-common-logo', 'es-aemps', 'uk-gphc', 'mx-cofepris',
      'co-invima', 'ar-anmat', 'cn-internet-drug-info', 'cn-drug-trading-licence', 'cn-platform-filing', 'cn-credit-code',
    ]) {
      expect(credentialType(id), id).toBeDefined();
    }
  });

  it('has a sample for every type that reads text, and each sample is found through the hint', () => {
    const textTypes = CREDENTIAL_TYPES.filter((t) => t.fromText !== undefined).map((t) => t.id);
    expect(Object.keys(SAMPLES).sort()).toEqual([...textTypes].sort());
    for (const [id, text] of Object.entries(SAMPLES)) {
      const blocks: TextBlock[] = [{ text, where: 'visible', zone: 'listing' }];
      const found = extractCredentials({ blocks, links: [], url: null, now: new Date('2026-11-29T00:00:00Z') });
      expect(found.map((r) => `${r.type} ${r.status}`), id).toContain(`${id} unverified`);
      // Every result fits the findings contract the CLI prints (core/findings.ts).
      for (const r of found) expect(CredentialResult.safeParse(r).success, id).toBe(true);
    }
  });

  it('every text type has a hint, so big pages skip what cannot be there', () => {
    for (const t of CREDENTIAL_TYPES) if (t.fromText) expect(t.hint, t.id).toBeInstanceOf(RegExp);
  });
});
