/**
 * The one messaging contract between the content script, the background and the
 * extension pages (popup, side panel). Every message is parsed with these schemas on
 * arrival. Content scripts run in hostile pages and are untrusted senders: the
 * background accepts only the `inpage/*` kinds from them and never lets them reach the
 * panel's privileged kinds (see platform/messages/guard.ts).
 */
import * as z from 'zod/mini';
import { Category, Finding, PageResult, Severity, Where } from '../../core/findings.ts';

z.config({ jitless: true });

export const TRIAGE_DECISIONS = ['confirm', 'false-positive', 'escalate'] as const;
export const TriageDecision = z.enum(TRIAGE_DECISIONS);
export type TriageDecision = z.infer<typeof TriageDecision>;

/** One finding as the panel lists it: the finding plus where it stands in this page. */
export const InpageFinding = z.object({
  /** Unique within one page load; the content script's handle for focus and reveal. */
  id: z.string().check(z.maxLength(40)),
  /** Stable across loads of the same listing (rule, matched text, where): triage decisions hang on it. */
  key: z.string().check(z.maxLength(400)),
  finding: Finding,
  tier: z.enum(['A', 'B', 'C']),
  packId: z.string(),
  /** True when the match is painted on screen; hidden, attribute and structured-data ones are not. */
  painted: z.boolean(),
  /** The element it belongs to, e.g. `span.price` or `img[alt]`, and how it is hidden or where it sits. */
  element: z.string().check(z.maxLength(200)),
  detail: z.string().check(z.maxLength(200)),
});
export type InpageFinding = z.infer<typeof InpageFinding>;

export const PAINTERS = ['highlight-api', 'overlay', 'off'] as const;

export const ScanStats = z.object({
  /** Wall time of the last full scan, from start to painted. */
  scanMs: z.number(),
  /** Longest single slice of work the scanner ran without yielding. */
  longestSliceMs: z.number(),
  /** What that slice was doing, e.g. "text map" or "engine". */
  longestSlicePhase: z.string().check(z.maxLength(40)),
  /** Longest slice of the scanner itself (text map, engine, credentials, painting): everything but the adapter. */
  scannerSliceMs: z.number(),
  /** The site adapter's one synchronous pass (not sliced: core/adapters reads the DOM in one go). */
  adapterMs: z.number(),
  blocks: z.number(),
  chars: z.number(),
  /** Incremental rescans done for dynamic content since the full scan. */
  rescans: z.number(),
});
export type ScanStats = z.infer<typeof ScanStats>;

/** What a tab's content script last reported: everything the panel and the badge show. */
export const TabReport = z.object({
  url: z.string(),
  title: z.string(),
  result: PageResult,
  findings: z.array(InpageFinding).check(z.maxLength(2000)),
  /** Findings beyond the list's cap, counted but not listed. */
  truncated: z.number(),
  highlightsOn: z.boolean(),
  painter: z.enum(PAINTERS),
  stats: ScanStats,
});
export type TabReport = z.infer<typeof TabReport>;

/** Highlight names are random per page load; only this shape can become CSS. */
export const HighlightName = z.string().check(z.regex(/^[a-z][a-z0-9]{11,39}$/));
export const HighlightNames = z.object({ high: HighlightName, medium: HighlightName, low: HighlightName, focus: HighlightName });
export type HighlightNames = z.infer<typeof HighlightNames>;

// ---- content script → background (untrusted)

/** Page text sent for scanning: bounded, so a hostile page cannot make the background allocate without end. */
export const TextBlocks = z
  .array(z.object({ text: z.string().check(z.maxLength(200_000)), where: Where, zone: z.enum(['listing', 'page']) }))
  .check(z.maxLength(5000));

export const ContentMessage = z.discriminatedUnion('kind', [
  /** The scan's current state for this tab (replaces the previous one). */
  z.object({ kind: z.literal('inpage/report'), report: TabReport }),
  /** Whether to run on this page (the deny list) and which packs are active: answered by the background. */
  z.object({ kind: z.literal('inpage/setup'), url: z.string().check(z.maxLength(4000)) }),
  /**
   * Scan these text blocks with the active packs. The engine runs in the background,
   * compiled once for every tab; the answer is the engine's matches, block indices
   * relative to this message's blocks.
   */
  z.object({ kind: z.literal('inpage/scan'), blocks: TextBlocks }),
  /**
   * Read the seller's credentials in this text. Done in the background, off the page's main
   * thread: the credential patterns are costly to compile (over 100 ms in Firefox), and the
   * background compiles them once for every tab. Text only; the background answers
   * CredentialResult[] and keeps nothing.
   */
  z.object({
    kind: z.literal('inpage/credentials'),
    url: z.string().check(z.maxLength(4000)),
    blocks: TextBlocks,
    links: z.array(z.object({ href: z.string().check(z.maxLength(4000)), text: z.string().check(z.maxLength(1000)), src: z.optional(z.string().check(z.maxLength(4000))) })).check(z.maxLength(5000)),
  }),
  /** Paint styles for these highlight names into the sender's tab (extension style sheet, nothing in the DOM). */
  z.object({ kind: z.literal('inpage/styles'), names: HighlightNames }),
]);
export type ContentMessage = z.infer<typeof ContentMessage>;

// ---- background or panel → content script (trusted: only the extension can send these)

export const InpageCommand = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('inpage/focus'), target: z.union([z.literal('next'), z.literal('previous'), z.string()]) }),
  z.object({ kind: z.literal('inpage/highlights'), on: z.boolean() }),
  z.object({ kind: z.literal('inpage/reveal'), id: z.string() }),
  z.object({ kind: z.literal('inpage/report-now') }),
]);
export type InpageCommand = z.infer<typeof InpageCommand>;

/** What a focus command answers: the finding now focused and its position in the list. */
export const FocusAnswer = z.object({ id: z.nullable(z.string()), index: z.number(), total: z.number() });
export type FocusAnswer = z.infer<typeof FocusAnswer>;

// ---- panel (popup, side panel) → background (privileged: extension pages only)

export const PanelMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('panel/state'), tabId: z.number() }),
  z.object({ kind: z.literal('panel/inspect'), tabId: z.number() }),
  z.object({
    kind: z.literal('panel/triage'),
    tabId: z.number(),
    key: z.string(),
    ruleId: z.string(),
    decision: z.nullable(TriageDecision),
  }),
  z.object({ kind: z.literal('panel/always-inspect'), origin: z.string() }),
]);
export type PanelMessage = z.infer<typeof PanelMessage>;

// ---- background → panels (extension pages only)

/** A tab's report changed: panels showing that tab fetch its state again. */
export const PanelEvent = z.object({ kind: z.literal('panel/updated'), tabId: z.number() });
export type PanelEvent = z.infer<typeof PanelEvent>;

export const RuleTally = z.object({ confirm: z.number(), 'false-positive': z.number(), escalate: z.number() });
export type RuleTally = z.infer<typeof RuleTally>;

/** The panel's view of a tab. `report` is null until a content script has reported. */
export const TabState = z.object({
  tabId: z.number(),
  report: z.nullable(TabReport),
  /** Triage decisions for this listing's findings, by finding key. */
  decisions: z.record(z.string(), TriageDecision),
  /** Tallies for the rules on this page, by rule id: precision = confirm / (confirm + false-positive). */
  tallies: z.record(z.string(), RuleTally),
  /** Whether a content script can run here (false on browser pages, stores, PDFs). */
  inspectable: z.boolean(),
  /** The tab's URL when the extension may know it (activeTab, a report), else null. */
  url: z.nullable(z.string()),
});
export type TabState = z.infer<typeof TabState>;

export { Category, Severity, Where };
