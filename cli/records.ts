/**
 * JSONL listing records for data pipelines (issue #3): one listing per line,
 * `{id, url, title, description, seller, ...}`. Each line is validated; a bad line
 * becomes an error record and the batch goes on.
 */
import * as z from 'zod/mini';
import type { TextBlock } from '../core/engine/types.ts';
import { EMPTY_LISTING } from '../core/findings.ts';
import type { ListingFacts } from '../core/findings.ts';

const Text = z.nullable(z.string());
const Id = z.union([z.string(), z.number()]);

/** A seller as a name, or as the contract's seller object. */
const Seller = z.nullable(
  z.union([
    z.string(),
    z.object({ name: z.optional(Text), id: z.optional(z.nullable(Id)), url: z.optional(Text) }),
  ]),
);

/** A price as a plain number, or as the contract's price object. */
const Price = z.nullable(
  z.union([
    z.number(),
    z.object({ amount: z.number(), currency: z.optional(Text), text: z.optional(z.string()) }),
  ]),
);

export const ListingRecord = z.looseObject({
  id: z.optional(z.nullable(Id)),
  url: z.optional(Text),
  title: z.optional(Text),
  description: z.optional(Text),
  seller: z.optional(Seller),
  price: z.optional(Price),
  currency: z.optional(Text),
  marketplace: z.optional(Text),
  /** Further listing text: bullet points, keywords, attributes. */
  bullets: z.optional(z.array(z.string())),
  keywords: z.optional(z.union([z.string(), z.array(z.string())])),
});
export type ListingRecord = z.infer<typeof ListingRecord>;

export type RecordParse = { ok: true; record: ListingRecord } | { ok: false; problem: string };

function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const key of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  const path = issue.path.length > 0 ? issue.path.map(String).join('.') : 'record';
  if (issue.code === 'invalid_type') return `${path}: expected ${issue.expected}, got ${kindOf(valueAt(value, issue.path))}`;
  if (issue.code === 'invalid_union') return `${path}: not one of the accepted forms`;
  return `${path}: ${issue.message}`;
}

/** Parses one JSONL line into a record, or says precisely what is wrong with it. */
export function parseRecordLine(line: string): RecordParse {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { ok: false, problem: `invalid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, problem: `expected a JSON object, got ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}` };
  }
  const parsed = ListingRecord.safeParse(value);
  if (!parsed.success) return { ok: false, problem: parsed.error.issues.map((i) => describeIssue(i, value)).join('; ') };
  const r = parsed.data;
  const hasText = [r.title, r.description, sellerName(r)].some((t) => typeof t === 'string' && t.trim() !== '');
  if (!hasText && (r.bullets ?? []).length === 0 && !r.keywords) {
    return { ok: false, problem: 'record has no text to scan (title, description, seller, bullets or keywords)' };
  }
  return { ok: true, record: r };
}

function sellerName(record: ListingRecord): string | null {
  const seller = record.seller;
  if (seller === undefined || seller === null) return null;
  return typeof seller === 'string' ? seller : (seller.name ?? null);
}

/** The record's text as listing blocks: it is all listing, none of it page chrome. */
export function recordBlocks(record: ListingRecord): TextBlock[] {
  const texts = [record.title, record.description, sellerName(record), ...(record.bullets ?? [])];
  const keywords = record.keywords;
  if (keywords !== undefined) texts.push(...(typeof keywords === 'string' ? [keywords] : keywords));
  return texts
    .filter((t): t is string => typeof t === 'string' && t.trim() !== '')
    .map((text) => ({ text, where: 'visible' as const, zone: 'listing' as const }));
}

/** The listing facts a record states; nothing is guessed. */
export function recordListing(record: ListingRecord): ListingFacts {
  const seller = record.seller;
  const price = record.price;
  const nonEmpty = (s: string | null | undefined): string | null => (s === undefined || s === null || s.trim() === '' ? null : s);
  return {
    ...EMPTY_LISTING,
    marketplace: nonEmpty(record.marketplace),
    pageType: 'item',
    title: nonEmpty(record.title),
    listingId: record.id === undefined || record.id === null ? null : String(record.id),
    price:
      price === undefined || price === null
        ? null
        : typeof price === 'number'
          ? { amount: price, currency: nonEmpty(record.currency), text: String(price) }
          : { amount: price.amount, currency: nonEmpty(price.currency ?? record.currency), text: price.text ?? String(price.amount) },
    seller:
      seller === undefined || seller === null || (typeof seller === 'string' && seller.trim() === '')
        ? null
        : typeof seller === 'string'
          ? { name: seller, id: null, url: null }
          : {
              name: nonEmpty(seller.name),
              id: seller.id === undefined || seller.id === null ? null : String(seller.id),
              url: nonEmpty(seller.url),
            },
  };
}
