/**
 * Every credential type, in one list: extraction runs them all, and assessment asks each result's
 * kind here. Adding a credential is adding one module and one line.
 */
import { arAnmat, arAnmatProduct } from './ar-anmat.ts';
import { cnCreditCode } from './cn-credit-code.ts';
import { cnDrugTradingLicence } from './cn-drug-trading-licence.ts';
import { cnInternetDrugInfo } from './cn-internet-drug-info.ts';
import { cnPlatformFiling } from './cn-platform-filing.ts';
import { coInvima } from './co-invima.ts';
import { dea } from './dea.ts';
import { esAemps } from './es-aemps.ts';
import { esNif } from './es-nif.ts';
import { euCommonLogo } from './eu-common-logo.ts';
import { legitscript } from './legitscript.ts';
import { mxCofepris, mxCofeprisProduct } from './mx-cofepris.ts';
import { nabpDigitalPharmacy, nabpPharmacyDomain } from './nabp.ts';
import { npi } from './npi.ts';
import type { CredentialKind, CredentialType } from './types.ts';
import { ukGphc } from './uk-gphc.ts';

export const CREDENTIAL_TYPES: readonly CredentialType[] = [
  dea,
  npi,
  legitscript,
  nabpPharmacyDomain,
  nabpDigitalPharmacy,
  euCommonLogo,
  esAemps,
  esNif,
  ukGphc,
  mxCofepris,
  mxCofeprisProduct,
  coInvima,
  arAnmat,
  arAnmatProduct,
  cnInternetDrugInfo,
  cnDrugTradingLicence,
  cnPlatformFiling,
  cnCreditCode,
];

const BY_ID = new Map(CREDENTIAL_TYPES.map((t) => [t.id, t]));

export function credentialType(id: string): CredentialType | undefined {
  return BY_ID.get(id);
}

/** The kind of a result's type; an unknown type (from a newer producer) counts as nothing proven. */
export function credentialKind(id: string): CredentialKind | null {
  return BY_ID.get(id)?.kind ?? null;
}
