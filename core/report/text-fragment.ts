/**
 * Text-fragment links (`#:~:text=`, WICG Scroll-to-Text-Fragment) so the next reader
 * lands on the finding. When the matched text occurs more than once on the page, the
 * words right before and after it are added as prefix and suffix so the browser picks
 * this occurrence. Text that is not rendered (hidden, attributes, structured data)
 * cannot be scrolled to: those findings get no link rather than a wrong one.
 */
import type { Finding } from '../findings.ts';

const LINKABLE = new Set<Finding['where']>(['visible', 'shadow-dom']);
const CONTEXT_WORDS = 3;

/** Percent-encode a fragment term: the directive syntax reserves "-", "," and "&". */
export function encodeFragmentPart(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function countOccurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  const lowerHaystack = haystack.toLocaleLowerCase();
  const lowerNeedle = needle.toLocaleLowerCase();
  let count = 0;
  for (let at = lowerHaystack.indexOf(lowerNeedle); at !== -1; at = lowerHaystack.indexOf(lowerNeedle, at + 1)) count++;
  return count;
}

function lastWords(text: string, n: number): string {
  const words = collapse(text).split(' ').filter(Boolean);
  return words.slice(-n).join(' ');
}

function firstWords(text: string, n: number): string {
  const words = collapse(text).split(' ').filter(Boolean);
  return words.slice(0, n).join(' ');
}

export interface FragmentOptions {
  /** The page's visible text, to tell whether the match is ambiguous. Without it, context is always added. */
  pageText?: string;
}

/** The text directive alone, e.g. "text=buy-,oxycodone,-online"; null when the finding is not linkable. */
export function textDirective(finding: Pick<Finding, 'matched' | 'context' | 'where'>, options: FragmentOptions = {}): string | null {
  const target = collapse(finding.matched);
  if (!LINKABLE.has(finding.where) || target.length === 0) return null;
  const ambiguous = options.pageText === undefined || countOccurrences(collapse(options.pageText), target) !== 1;
  let prefix = '';
  let suffix = '';
  if (ambiguous) {
    const at = finding.context.indexOf(finding.matched);
    if (at !== -1) {
      prefix = lastWords(finding.context.slice(0, at), CONTEXT_WORDS);
      suffix = firstWords(finding.context.slice(at + finding.matched.length), CONTEXT_WORDS);
      // Context that runs into the match mid-word cannot serve: the directive matches on word boundaries.
      if (/\S$/.test(finding.context.slice(0, at))) prefix = '';
      if (/^\S/.test(finding.context.slice(at + finding.matched.length))) suffix = '';
    }
  }
  const parts = [
    ...(prefix ? [`${encodeFragmentPart(prefix)}-`] : []),
    encodeFragmentPart(target),
    ...(suffix ? [`-${encodeFragmentPart(suffix)}`] : []),
  ];
  return `text=${parts.join(',')}`;
}

/** The listing URL with a text fragment to the finding; "" when the finding cannot be linked. */
export function textFragmentLink(url: string, finding: Pick<Finding, 'matched' | 'context' | 'where'>, options: FragmentOptions = {}): string {
  const directive = textDirective(finding, options);
  if (!directive) return '';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '';
  }
  // Keep an ordinary fragment (single-page apps route on it) and replace any earlier directive.
  const hash = parsed.hash.replace(/^#/, '');
  const base = hash.split(':~:')[0] ?? '';
  parsed.hash = '';
  return `${parsed.href}#${base}:~:${directive}`;
}
