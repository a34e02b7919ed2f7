/**
 * Settings: one zod schema, types derived from it, defaults beside it. What a
 * reviewer or a team lead can change lives here; installed packs (too big for
 * storage.sync) live in platform/packs/.
 *
 * The reports engineer reads `reviewer` and `submission` (see loadEffectiveSettings
 * in ./store.ts); the in-page engineer reads `sites` and `appearance`.
 */
import * as z from 'zod/mini';
import { MARKETPLACE_DOMAINS } from '../marketplaces.ts';

z.config({ jitless: true });

/** A host name, or a "*." wildcard for its subdomains: "amazon.com", "*.ebay.de". */
const DOMAIN = /^(\*\.)?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;
const COLOUR = /^#[0-9a-f]{6}$/i;
const SHA256_HEX = /^[0-9a-f]{64}$/i;
/** Raw 32-byte Ed25519 public key, base64 (44 characters with padding). */
const ED25519_KEY_B64 = /^[A-Za-z0-9+/]{43}=$/;

export const Domain = z.string().check(z.regex(DOMAIN, 'a host name like "amazon.com" or "*.ebay.de"'));

/** HTTPS, or plain HTTP to this machine only (a team's test intake server, the test fixture server). */
export function isAllowedRemoteUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

const RemoteUrl = z
  .string()
  .check(z.refine(isAllowedRemoteUrl, 'an https:// address (http:// only for 127.0.0.1 or localhost)'));

export const HIGHLIGHT_LINES = ['solid', 'double', 'dotted', 'dashed', 'wavy'] as const;

export const HighlightStyle = z.object({
  colour: z.string().check(z.regex(COLOUR, 'a colour like #d93025')),
  /** Underline style, so severities differ without colour (colour-blind reviewers). */
  line: z.enum(HIGHLIGHT_LINES),
});
export type HighlightStyle = z.infer<typeof HighlightStyle>;

export const Subscription = z.object({
  url: RemoteUrl,
  intervalHours: z.number().check(z.int(), z.minimum(1), z.maximum(24 * 30)),
  /** Pin: the pack's exact bytes must hash to this. */
  sha256: z.optional(z.string().check(z.regex(SHA256_HEX, '64 hexadecimal characters'))),
  /** Signature check: `<url>.sig` holds a base64 Ed25519 signature of the pack's bytes by this key. */
  publicKey: z.optional(z.string().check(z.regex(ED25519_KEY_B64, 'a base64 Ed25519 public key (44 characters)'))),
});
export type Subscription = z.infer<typeof Subscription>;

export const Settings = z.object({
  /** "auto" follows the browser's language. */
  locale: z.enum(['auto', 'en', 'es']),
  sites: z.object({
    /** Where the content script runs without being asked. */
    marketplaces: z.array(Domain),
    /** Always inspect, beyond the marketplace list (needs the optional host permission). */
    allow: z.array(Domain),
    /** Never inspect, even if listed as a marketplace. */
    deny: z.array(Domain),
  }),
  appearance: z.object({
    high: HighlightStyle,
    medium: HighlightStyle,
    low: HighlightStyle,
    density: z.enum(['comfortable', 'compact']),
  }),
  reviewer: z.object({
    name: z.string().check(z.maxLength(200)),
    id: z.string().check(z.maxLength(200)),
  }),
  submission: z.object({
    /** Empty: reports are kept locally and exported by hand. */
    endpoint: z.union([z.literal(''), RemoteUrl]),
    /** Bearer token for the endpoint. Never synced. */
    token: z.string().check(z.maxLength(4096)),
  }),
  /** Pack id → enabled. Packs not listed are enabled. */
  packsEnabled: z.record(z.string(), z.boolean()),
  subscriptions: z.array(Subscription),
  /** The reviewer's own pack, kept as typed (even when invalid) so nothing they wrote is lost. */
  customRules: z.string().check(z.maxLength(200_000)),
  sync: z.object({ enabled: z.boolean() }),
});
export type Settings = z.infer<typeof Settings>;

/** The content script's built-in marketplace list (platform/marketplaces.ts), subdomains included. */
export const DEFAULT_MARKETPLACES: string[] = MARKETPLACE_DOMAINS.map((domain) => `*.${domain}`);

export const DEFAULT_SETTINGS: Settings = {
  locale: 'auto',
  sites: { marketplaces: DEFAULT_MARKETPLACES, allow: [], deny: [] },
  appearance: {
    high: { colour: '#d93025', line: 'solid' },
    medium: { colour: '#e37400', line: 'dashed' },
    low: { colour: '#1a73e8', line: 'dotted' },
    density: 'comfortable',
  },
  reviewer: { name: '', id: '' },
  submission: { endpoint: '', token: '' },
  packsEnabled: {},
  subscriptions: [],
  customRules: '',
  sync: { enabled: false },
};

/** A fresh copy: callers may mutate what they get. */
export function defaultSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS);
}
