/** The page text map (issue #4): DOM → text blocks mapped back to nodes, for the engine and for painting. */
export { buildTextMap, TextMapBuilder } from './text-map.ts';
export { rangesFor, textOfRanges } from './ranges.ts';
export { computedIsBlock, computedVisibilityProbe, staticVisibilityProbe } from './visibility.ts';
export { isChromeElement } from './zones.ts';
export type {
  AttributeBlock,
  JsonLdBlock,
  MappedBlock,
  TextMap,
  TextMapOptions,
  TextNodeBlock,
  TextPiece,
  TextRange,
  VisibilityProbe,
} from './types.ts';
