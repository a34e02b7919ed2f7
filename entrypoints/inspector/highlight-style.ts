/**
 * The highlight style sheet: severity colours plus an underline style per severity
 * (solid, wavy, dotted) so the severities are told apart without colour. The names are
 * random per page load (validated by HighlightName before they become CSS).
 */
import type { HighlightNames } from '../../platform/messages/contract.ts';

export const SEVERITY_LOOK = {
  high: { background: 'rgba(220, 38, 38, 0.30)', line: '#b91c1c', style: 'solid' },
  medium: { background: 'rgba(245, 158, 11, 0.32)', line: '#b45309', style: 'wavy' },
  low: { background: 'rgba(37, 99, 235, 0.22)', line: '#1d4ed8', style: 'dotted' },
} as const;

export function highlightCss(names: HighlightNames): string {
  const rule = (name: string, look: { background: string; line: string; style: string }) =>
    `::highlight(${name}) { background-color: ${look.background}; text-decoration: underline ${look.style} ${look.line} 2px; text-decoration-skip-ink: none; }`;
  return [
    rule(names.low, SEVERITY_LOOK.low),
    rule(names.medium, SEVERITY_LOOK.medium),
    rule(names.high, SEVERITY_LOOK.high),
    // The finding the reviewer stepped to: strong outline colour, double underline.
    `::highlight(${names.focus}) { background-color: rgba(109, 40, 217, 0.45); color: #fff; text-decoration: underline double #4c1d95 3px; }`,
  ].join('\n');
}
