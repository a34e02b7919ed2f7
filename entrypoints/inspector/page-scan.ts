/**
 * One scan of a DOM root (the whole document, or a subtree that changed): the text map is
 * built in time slices, the engine runs over it in chunks between yields, and each match
 * becomes a live finding with DOM Ranges to paint and a description of its element.
 */
import type { Match, PageLink, TextBlock } from '../../core/engine/types.ts';
import { rangesFor, TextMapBuilder } from '../../core/page/index.ts';
import type { MappedBlock, TextMapOptions } from '../../core/page/index.ts';
import { describeElement, hiddenReason } from './describe.ts';
import type { SliceClock } from './slicing.ts';

/** Nodes the text-map builder visits per step between clock checks. */
const NODES_PER_STEP = 16;
/** Characters of block text sent to the engine per message (bounded by the contract's limits too). */
const CHARS_PER_CHUNK = 100_000;
const BLOCKS_PER_CHUNK = 4000;

export interface LiveFinding {
  id: string;
  /** Stable across loads: triage decisions hang on it. */
  key: string;
  match: Match;
  block: MappedBlock;
  /** DOM ranges of the matched text (empty for attribute and JSON-LD findings). */
  ranges: Range[];
  /** The node the finding belongs to: removed from the page, the finding goes. */
  anchor: Node;
  painted: boolean;
  element: string;
  detail: string;
}

export interface ScanEnvironment {
  scan(blocks: readonly TextBlock[]): Promise<Match[]>;
  mapOptions: TextMapOptions;
  nextId(): string;
}

export interface RootScan {
  findings: LiveFinding[];
  links: PageLink[];
  blocks: MappedBlock[];
  chars: number;
  /** Open shadow roots and same-origin iframe documents met: the observer watches them too. */
  shadowRoots: ShadowRoot[];
  frameDocuments: Document[];
}

/** Painted where the matched text is on screen as text. */
function isPaintable(block: MappedBlock): boolean {
  return block.kind === 'text' && (block.where === 'visible' || block.where === 'shadow-dom' || block.where === 'iframe');
}

function anchorOf(block: MappedBlock): Node | null {
  if (block.kind !== 'text') return block.element;
  return block.pieces[0]?.node ?? null;
}

export function findingKey(match: Match): string {
  return [match.ruleId, match.term, match.where, match.matched.toLowerCase()].join('|').slice(0, 400);
}

function toRanges(block: MappedBlock, start: number, end: number): Range[] {
  return rangesFor(block, start, end).map((r) => {
    const range = r.node.ownerDocument.createRange();
    range.setStart(r.node, r.startOffset);
    range.setEnd(r.node, r.endOffset);
    return range;
  });
}

function detailOf(block: MappedBlock): string {
  switch (block.kind) {
    case 'attribute':
      return `${block.attribute} attribute`;
    case 'json-ld':
      return `JSON-LD ${block.path}`;
    case 'text': {
      const parent = block.pieces[0]?.node.parentElement;
      if (block.where === 'hidden' && parent) return hiddenReason(parent);
      if (block.where === 'structured-data') return 'document title';
      return block.where === 'visible' ? 'on screen' : block.where;
    }
  }
}

function elementOf(block: MappedBlock): string {
  if (block.kind !== 'text') return describeElement(block.element, block.kind === 'attribute' ? block.attribute : null);
  const parent = block.pieces[0]?.node.parentElement;
  return parent ? describeElement(parent, null) : '#text';
}

/** Finds the open shadow roots and same-origin frame documents under `root`, for the observer. */
function containersUnder(root: Document | Element, shadowRoots: ShadowRoot[], frames: Document[]): void {
  const doc = root.nodeType === 9 ? (root as Document) : (root as Element).ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node as Element;
    if (el.shadowRoot) {
      shadowRoots.push(el.shadowRoot);
      containersUnder(el.shadowRoot as unknown as Element, shadowRoots, frames);
    }
    if (el.localName === 'iframe') {
      try {
        const inner = (el as HTMLIFrameElement).contentDocument;
        if (inner?.documentElement) {
          frames.push(inner);
          containersUnder(inner, shadowRoots, frames);
        }
      } catch {
        // Cross-origin frame: not ours to read.
      }
    }
  }
}

export async function scanRoot(
  root: Document | Element | ShadowRoot,
  env: ScanEnvironment,
  clock: SliceClock,
  signal: AbortSignal,
): Promise<RootScan> {
  clock.phase = 'text map';
  const builder = new TextMapBuilder(root, env.mapOptions);
  while (!builder.step(NODES_PER_STEP)) await clock.maybeYield(signal);
  clock.phase = 'engine';
  const map = builder.result();

  const findings: LiveFinding[] = [];
  let chars = 0;
  let chunk: MappedBlock[] = [];
  let chunkChars = 0;
  const flush = async () => {
    if (chunk.length === 0) return;
    const sent = chunk;
    chunk = [];
    chunkChars = 0;
    const matches = await env.scan(sent);
    signal.throwIfAborted();
    clock.restart();
    for (const match of matches) {
      const block = sent[match.block];
      const anchor = block ? anchorOf(block) : null;
      if (!block || !anchor) continue;
      const painted = isPaintable(block);
      findings.push({
        id: env.nextId(),
        key: findingKey(match),
        match,
        block,
        ranges: block.kind === 'text' ? toRanges(block, match.start, match.end) : [],
        anchor,
        painted,
        element: elementOf(block),
        detail: detailOf(block),
      });
    }
  };
  for (const block of map.blocks) {
    chunk.push(block);
    chunkChars += block.text.length;
    chars += block.text.length;
    if (chunkChars >= CHARS_PER_CHUNK || chunk.length >= BLOCKS_PER_CHUNK) await flush();
  }
  await flush();

  const shadowRoots: ShadowRoot[] = [];
  const frameDocuments: Document[] = [];
  if (root.nodeType !== 11) containersUnder(root as Document | Element, shadowRoots, frameDocuments);
  return { findings, links: map.links, blocks: map.blocks, chars, shadowRoots, frameDocuments };
}
