/**
 * A statement of reasons in the shape of the EU Digital Services Act transparency
 * database API (transparency.dsa.ec.europa.eu, "API and Schema" page, statement
 * attributes). A reviewer's report is the basis of a platform's decision; the team
 * fills in what the decision was. Defaults: the listing's visibility was restricted
 * (content removed), ground = illegal content, category = unsafe and prohibited
 * products with the "prohibited or restricted products" keyword.
 *
 * The database forbids personal data: seller names and ids, reviewer ids and notes
 * are left out on purpose; the listing id goes in `puid` (the platform's own id).
 */
import type { Report } from './model.ts';

export const DSA_CATEGORY = 'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS';
export const DSA_KEYWORD = 'KEYWORD_PROHIBITED_PRODUCTS';

export const DSA_LIMITS = { decision_facts: 5000, illegal_content_explanation: 2000, illegal_content_legal_ground: 500, puid: 500 } as const;

export interface DsaDecision {
  decision_visibility: string[];
  decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT' | 'DECISION_GROUND_INCOMPATIBLE_CONTENT';
  /** Required for illegal content; the team's legal basis (e.g. a national narcotics law). */
  legal_ground: string;
  /** Required for incompatible content: the terms-of-service clause. */
  incompatible_ground: string;
  automated_decision: 'AUTOMATED_DECISION_FULLY' | 'AUTOMATED_DECISION_PARTIALLY' | 'AUTOMATED_DECISION_NOT_AUTOMATED';
  source_type: 'SOURCE_ARTICLE_16' | 'SOURCE_TRUSTED_FLAGGER' | 'SOURCE_TYPE_OTHER_NOTIFICATION' | 'SOURCE_VOLUNTARY';
  territorial_scope: string[];
  /** When the decision applied (YYYY-MM-DD); defaults to the filing date. */
  application_date?: string;
}

export const DEFAULT_DSA_DECISION: DsaDecision = {
  decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'],
  decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
  legal_ground: 'Sale of controlled substances or prescription-only medicines without authorisation under applicable national law',
  incompatible_ground: 'Prohibited products policy',
  automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
  source_type: 'SOURCE_VOLUNTARY',
  territorial_scope: [],
};

export interface DsaStatement {
  decision_visibility: string[];
  decision_ground: DsaDecision['decision_ground'];
  illegal_content_legal_ground?: string;
  illegal_content_explanation?: string;
  incompatible_content_ground?: string;
  incompatible_content_explanation?: string;
  category: typeof DSA_CATEGORY;
  category_specification: string[];
  content_type: string[];
  content_language?: string;
  content_date?: string;
  application_date: string;
  decision_facts: string;
  source_type: DsaDecision['source_type'];
  automated_detection: 'Yes' | 'No';
  automated_decision: DsaDecision['automated_decision'];
  territorial_scope?: string[];
  puid: string;
}

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

function date(iso: string): string {
  return iso.slice(0, 10);
}

export function toDsaStatement(report: Report, decision: DsaDecision = DEFAULT_DSA_DECISION): DsaStatement {
  const terms = [...new Set(report.findings.map((finding) => finding.term))];
  const categories = [...new Set(report.findings.map((finding) => finding.category))];
  const hidden = report.findings.filter((finding) => finding.where !== 'visible').length;
  const credentialNote = report.credentials.length
    ? ` Seller credentials: ${report.credentials.map((credential) => `${credential.type} ${credential.status}`).join(', ')}.`
    : ' No pharmacy credential was shown.';
  const facts =
    `The listing offered ${categories.join(', ') || 'products'} (${report.findings.length} finding(s): ${terms.join(', ') || 'none'}).` +
    (hidden ? ` ${hidden} finding(s) were in hidden text, attributes or structured data, a sign of filter evasion.` : '') +
    credentialNote +
    ` Evidence (screenshots, page snapshot) preserved with SHA-256 ${report.hash}.`;
  const explanation = `Prohibited ${categories.join(', ') || 'drug'} offer detected by rules ${[...new Set(report.findings.map((finding) => finding.ruleId))].join(', ') || 'n/a'} and confirmed by a reviewer.`;
  const statement: DsaStatement = {
    decision_visibility: decision.decision_visibility,
    decision_ground: decision.decision_ground,
    category: DSA_CATEGORY,
    category_specification: [DSA_KEYWORD],
    content_type: ['CONTENT_TYPE_PRODUCT', 'CONTENT_TYPE_TEXT'],
    application_date: decision.application_date ?? date(report.filedAt),
    decision_facts: clip(facts, DSA_LIMITS.decision_facts),
    source_type: decision.source_type,
    // The extension's rules detected it; a person decided.
    automated_detection: report.findings.length > 0 ? 'Yes' : 'No',
    automated_decision: decision.automated_decision,
    puid: clip(report.listing.listingId ?? report.listingUrl, DSA_LIMITS.puid),
  };
  if (decision.decision_ground === 'DECISION_GROUND_ILLEGAL_CONTENT') {
    statement.illegal_content_legal_ground = clip(decision.legal_ground, DSA_LIMITS.illegal_content_legal_ground);
    statement.illegal_content_explanation = clip(explanation, DSA_LIMITS.illegal_content_explanation);
  } else {
    statement.incompatible_content_ground = clip(decision.incompatible_ground, 500);
    statement.incompatible_content_explanation = clip(explanation, 2000);
  }
  if (decision.territorial_scope.length) statement.territorial_scope = decision.territorial_scope;
  return statement;
}
