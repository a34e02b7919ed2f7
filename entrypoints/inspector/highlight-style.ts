/**
 * The highlight style sheet: severity colours plus an underline style per severity so
 * severities are told apart without colour (colour-blind reviewers). Colours and lines
 * come from the reviewer's appearance settings; names are random per page load and were
 * validated (HighlightName) before they become CSS; colours are validated here.
 */
import type { HighlightNames } from '../../platform/messages/contract.ts';

export interface SeverityLook {
  colour: string;
  line: 'solid' | 'double' | 'dotted' | 'dashed' | 'wavy';
}

export const DEFAULT_LOOK: Record<'high' | 'medium' | 'low', SeverityLook> = {
  high: { colour: '#d93025', line: 'solid' },
  medium: { colour: '#e37400', line: 'wavy' },
  low: { colour: '#1a73e8', line: 'dotted' },
};

const COLOUR = /^#[0-9a-f]{6}$/i;
const LINES = new Set(['solid', 'double', 'dotted', 'dashed', 'wavy']);

function safe(look: SeverityLook | undefined, fallback: SeverityLook): SeverityLook {
  if (!look || !COLOUR.test(look.colour) || !LINES.has(look.line)) return fallback;
  return look;
}

/** The colour at 30 % over the text's background, as a hex with alpha. */
function wash(colour: string): string {
  return `${colour}4d`;
}

export function highlightCss(names: HighlightNames, appearance?: Partial<Record<'high' | 'medium' | 'low', SeverityLook>>): string {
  const rule = (name: string, look: SeverityLook) =>
    `::highlight(${name}) { background-color: ${wash(look.colour)}; text-decoration: underline ${look.line} ${look.colour} 2px; text-decoration-skip-ink: none; }`;
  return [
    rule(names.low, safe(appearance?.low, DEFAULT_LOOK.low)),
    rule(names.medium, safe(appearance?.medium, DEFAULT_LOOK.medium)),
    rule(names.high, safe(appearance?.high, DEFAULT_LOOK.high)),
    // The finding the reviewer stepped to: strong violet, double underline, whatever the severity.
    `::highlight(${names.focus}) { background-color: rgba(109, 40, 217, 0.45); color: #fff; text-decoration: underline double #4c1d95 3px; }`,
  ].join('\n');
}
