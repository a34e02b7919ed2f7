/**
 * Triage decisions and per-rule tallies, kept in storage.local so rule owners can read
 * each rule's precision (confirm / (confirm + false positive)). A decision belongs to a
 * finding of a listing (by URL and finding key); changing it moves the tally, so a rule's
 * numbers always equal the decisions on record.
 */
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { RuleTally, TriageDecision } from './messages/contract.ts';
import type { RuleTally as RuleTallyT, TriageDecision as TriageDecisionT } from './messages/contract.ts';

const KEY = 'triage.v1';
/** Oldest decisions are dropped beyond this many (tallies keep counting them). */
const MAX_DECISIONS = 20_000;

const TriageStore = z.object({
  version: z.literal(1),
  decisions: z.record(z.string(), z.object({ ruleId: z.string(), decision: TriageDecision, at: z.number() })),
  tallies: z.record(z.string(), RuleTally),
});
type TriageStore = z.infer<typeof TriageStore>;

const EMPTY: TriageStore = { version: 1, decisions: {}, tallies: {} };

export function emptyTally(): RuleTallyT {
  return { confirm: 0, 'false-positive': 0, escalate: 0 };
}

/** Decision key: the listing (URL without fragment) and the finding key. */
export function decisionKey(url: string, findingKey: string): string {
  return `${url.split('#')[0]}\u0000${findingKey}`;
}

async function load(): Promise<TriageStore> {
  const raw = (await browser.storage.local.get(KEY))[KEY];
  const parsed = TriageStore.safeParse(raw ?? EMPTY);
  // A damaged store is set aside, not thrown at the reviewer; it is kept under a backup key.
  if (!parsed.success) {
    await browser.storage.local.set({ [`${KEY}.damaged.${Date.now()}`]: raw });
    return structuredClone(EMPTY);
  }
  return parsed.data;
}

/** Applies pure: the new store after recording `decision` (null clears) for one finding. */
export function applyDecision(store: TriageStore, key: string, ruleId: string, decision: TriageDecisionT | null, now: number): TriageStore {
  const next: TriageStore = { version: 1, decisions: { ...store.decisions }, tallies: { ...store.tallies } };
  const previous = next.decisions[key];
  if (previous) {
    const t = { ...(next.tallies[previous.ruleId] ?? emptyTally()) };
    t[previous.decision] = Math.max(0, t[previous.decision] - 1);
    next.tallies[previous.ruleId] = t;
    delete next.decisions[key];
  }
  if (decision) {
    const t = { ...(next.tallies[ruleId] ?? emptyTally()) };
    t[decision] += 1;
    next.tallies[ruleId] = t;
    next.decisions[key] = { ruleId, decision, at: now };
    const keys = Object.keys(next.decisions);
    if (keys.length > MAX_DECISIONS) {
      keys.sort((a, b) => (next.decisions[a]?.at ?? 0) - (next.decisions[b]?.at ?? 0));
      for (const k of keys.slice(0, keys.length - MAX_DECISIONS)) delete next.decisions[k];
    }
  }
  return next;
}

let queue: Promise<unknown> = Promise.resolve();

/** Records a decision; writes are serialised so two quick keystrokes never lose one. */
export function recordDecision(url: string, findingKey: string, ruleId: string, decision: TriageDecisionT | null): Promise<void> {
  const run = queue.then(async () => {
    const store = await load();
    await browser.storage.local.set({ [KEY]: applyDecision(store, decisionKey(url, findingKey), ruleId, decision, Date.now()) });
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Decisions for a listing's findings (by finding key) and the tallies of the given rules. */
export async function readTriage(url: string, findingKeys: readonly string[], ruleIds: readonly string[]) {
  const store = await load();
  const decisions: Record<string, TriageDecisionT> = {};
  for (const k of findingKeys) {
    const d = store.decisions[decisionKey(url, k)];
    if (d) decisions[k] = d.decision;
  }
  const tallies: Record<string, RuleTallyT> = {};
  for (const r of ruleIds) tallies[r] = store.tallies[r] ?? emptyTally();
  return { decisions, tallies };
}

/** Every rule's tally, for rule owners (options page, exports). */
export async function allTallies(): Promise<Record<string, RuleTallyT>> {
  return (await load()).tallies;
}
