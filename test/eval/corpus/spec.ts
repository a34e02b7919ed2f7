/**
 * The shape of one hand-written corpus page before rendering: its content, and the labels
 * that go into the manifest. Helpers keep the page lists short and readable.
 */
import type { Category, CredentialStatus, Verdict, Where } from '../../../core/findings.ts';
import type { EvalTrick, ExpectedCredential, ExpectedFinding, Language, Marketplace } from '../manifest.ts';

export interface PageSpec {
  id: string;
  marketplace: Marketplace;
  languages: Language[];
  url: string;
  title: string;
  titleHtml?: string;
  price: string;
  seller: string;
  body: string;
  head?: string;
  footer?: string;
  violating: boolean;
  verdict: Verdict;
  note: string;
  findings: ExpectedFinding[];
  mustNotFlag: string[];
  credentials: ExpectedCredential[];
  credentialRequired: boolean;
  missingCredential: boolean;
}

/** An expected finding. */
export function f(term: string, category: Category, where: Where, trick: EvalTrick): ExpectedFinding {
  return { term, category, where, trick };
}

/** An acceptable but not required finding (see ExpectedFinding.optional). */
export function opt(term: string, category: Category, where: Where, trick: EvalTrick): ExpectedFinding {
  return { term, category, where, trick, optional: true };
}

export function cred(type: string, value: string, status: CredentialStatus): ExpectedCredential {
  return { type, value, status };
}

/**
 * Defaults for a violating page: selling controlled or prescription-only drugs needs a seller
 * credential (core/credentials/assess.ts), and these listings show none that answers.
 */
export function violating(
  spec: Omit<PageSpec, 'violating' | 'verdict' | 'mustNotFlag' | 'credentials' | 'credentialRequired' | 'missingCredential'> &
    Partial<Pick<PageSpec, 'verdict' | 'mustNotFlag' | 'credentials' | 'credentialRequired' | 'missingCredential'>>,
): PageSpec {
  return {
    verdict: 'violation',
    mustNotFlag: [],
    credentials: [],
    credentialRequired: true,
    missingCredential: true,
    ...spec,
    violating: true,
  };
}

/** Defaults for a benign page: clear, nothing expected, no credential needed. */
export function benign(
  spec: Omit<PageSpec, 'violating' | 'verdict' | 'findings' | 'mustNotFlag' | 'credentials' | 'credentialRequired' | 'missingCredential'> &
    Partial<Pick<PageSpec, 'verdict' | 'findings' | 'mustNotFlag' | 'credentials' | 'credentialRequired' | 'missingCredential'>>,
): PageSpec {
  return {
    verdict: 'clear',
    findings: [],
    mustNotFlag: [],
    credentials: [],
    credentialRequired: false,
    missingCredential: false,
    ...spec,
    violating: false,
  };
}

/** Hidden-text styles sellers use to cloak terms from reviewers but not from search engines. */
export const HIDE = {
  displayNone: 'display:none',
  visibility: 'visibility:hidden',
  fontSize0: 'font-size:0',
  sameColour: 'color:#ffffff;background-color:#ffffff',
  offScreen: 'position:absolute;left:-9999px;top:0',
  clipped: 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%)',
  opacity0: 'opacity:0',
} as const;

/** A JSON-LD Product block for <head>. */
export function jsonLd(product: Record<string, unknown>): string {
  const json = JSON.stringify({ '@context': 'https://schema.org', '@type': 'Product', ...product });
  return `<script type="application/ld+json">${json.replace(/</g, '\\u003c')}</script>`;
}
