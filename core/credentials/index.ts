/**
 * Credential extraction, validation and assessment (issue #3; Chinese shop footers, issue #10).
 *
 * What each status means:
 * - `valid`: an offline check passed and it is all there is to know offline — only where the check
 *   is complete without a registry: the page's own domain is a .pharmacy name (NABP alone grants
 *   them), or a LegitScript-served seal links to LegitScript's record for this very site.
 * - `unverified`: the format (and check digit where one exists: DEA, NPI, NIF/CIF, GLN, credit code)
 *   is right, but only the registry can say the credential is real and current; the reason names
 *   where to look.
 * - `invalid`: the reason says what is wrong: a check digit, a length, a letter, an expired or
 *   impossible date, a seal or logo that links to another domain or to no authority.
 */
export * from './types.ts';
export * from './result.ts';
export * from './text.ts';
export * from './domain.ts';
export * from './registry.ts';
export * from './extract.ts';
export * from './assess.ts';
export * from './dea.ts';
export * from './npi.ts';
export * from './legitscript.ts';
export * from './nabp.ts';
export * from './eu-authorities.ts';
export * from './eu-common-logo.ts';
export * from './es-aemps.ts';
export * from './es-nif.ts';
export * from './uk-gphc.ts';
export * from './mx-cofepris.ts';
export * from './co-invima.ts';
export * from './ar-anmat.ts';
export * from './cn-provinces.ts';
export * from './cn-internet-drug-info.ts';
export * from './cn-drug-trading-licence.ts';
export * from './cn-platform-filing.ts';
export * from './cn-credit-code.ts';
