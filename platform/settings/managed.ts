/**
 * Team deployment: values an organisation forces through enterprise policy
 * (Chrome: storage.managed, described by public/managed_schema.json; Firefox: the
 * "3rdparty" section of policies.json). Managed values override the reviewer's and
 * show as locked. A policy value that does not validate is ignored and reported, so
 * a typo in a policy file cannot break the extension. Pure; see docs/deployment.md.
 */
import * as z from 'zod/mini';
import { Domain, Settings, Subscription } from './schema.ts';
import type { Settings as SettingsType } from './schema.ts';

/** Policy name → how it validates and where it lands in Settings. */
const POLICIES = {
  locale: { schema: Settings.shape.locale, path: 'locale' },
  marketplaces: { schema: z.array(Domain), path: 'sites.marketplaces' },
  allowSites: { schema: z.array(Domain), path: 'sites.allow' },
  denySites: { schema: z.array(Domain), path: 'sites.deny' },
  reportEndpoint: { schema: Settings.shape.submission.shape.endpoint, path: 'submission.endpoint' },
  reportToken: { schema: Settings.shape.submission.shape.token, path: 'submission.token' },
  subscriptions: { schema: z.array(Subscription), path: 'subscriptions' },
  disabledPacks: { schema: z.array(z.string()), path: 'packsEnabled' },
  syncEnabled: { schema: z.boolean(), path: 'sync.enabled' },
  density: { schema: Settings.shape.appearance.shape.density, path: 'appearance.density' },
} as const;

export type PolicyName = keyof typeof POLICIES;
export const POLICY_NAMES = Object.keys(POLICIES) as PolicyName[];

export interface ManagedProblem {
  policy: string;
  problem: string;
}

export interface Effective {
  settings: SettingsType;
  /** Settings paths set by policy ("sites.marketplaces"): the options page shows them locked. */
  locked: string[];
  problems: ManagedProblem[];
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node = target;
  for (const key of keys) node = node[key] as Record<string, unknown>;
  node[last] = value;
}

export function applyManaged(settings: SettingsType, managed: unknown): Effective {
  const out = structuredClone(settings) as SettingsType;
  const locked: string[] = [];
  const problems: ManagedProblem[] = [];
  if (typeof managed !== 'object' || managed === null) return { settings: out, locked, problems };
  for (const [name, value] of Object.entries(managed)) {
    if (!(name in POLICIES)) {
      problems.push({ policy: name, problem: 'not a policy this version knows; ignored' });
      continue;
    }
    const policy = POLICIES[name as PolicyName];
    const parsed = z.safeParse(policy.schema as z.core.$ZodType, value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const at = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
      problems.push({ policy: name, problem: `${issue?.message ?? 'invalid'}${at}; ignored` });
      continue;
    }
    if (name === 'disabledPacks') {
      // The whole enabled map is locked: a team decides which packs run.
      const enabled: Record<string, boolean> = { ...out.packsEnabled };
      for (const id of Object.keys(enabled)) enabled[id] = true;
      for (const id of parsed.data as string[]) enabled[id] = false;
      out.packsEnabled = enabled;
    } else {
      setPath(out as unknown as Record<string, unknown>, policy.path, parsed.data);
    }
    locked.push(policy.path);
  }
  return { settings: out, locked: locked.sort(), problems };
}

export function isLocked(locked: readonly string[], path: string): boolean {
  return locked.some((p) => p === path || path.startsWith(`${p}.`));
}
