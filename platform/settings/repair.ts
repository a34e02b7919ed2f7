/**
 * Stored settings → valid settings, never a throw: migrate old shapes forward,
 * then keep every field that validates and put the default back in place of each
 * one that does not, reporting what was repaired (Dark Reader's habit). Pure.
 */
import * as z from 'zod/mini';
import { Settings, defaultSettings } from './schema.ts';

export const SETTINGS_VERSION = 1;

/** What is kept in storage under the "settings" key. */
export interface StoredSettings {
  version: number;
  /** ms since epoch of the last change, to resolve local vs sync. */
  updatedAt: number;
  settings: unknown;
}

export interface Repair {
  /** Dotted path of the repaired value, e.g. "appearance.high.colour" or "subscriptions[2]". */
  path: string;
  /** What was wrong, in the validator's words. */
  problem: string;
  /** What was done about it. */
  action: 'reset to default' | 'removed' | 'dropped unknown setting';
}

export interface Loaded {
  settings: Settings;
  repairs: Repair[];
  /** The version the stored data had, null when nothing was stored. */
  fromVersion: number | null;
}

/** A migration turns the settings object of version N into that of version N + 1. */
export type Migration = (settings: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations by the version they start from. Version 0 is what storage held
 * before settings carried a version: the bare settings object.
 */
export const MIGRATIONS: Record<number, Migration> = {
  0: (settings) => settings,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads either the versioned envelope or a bare (version 0) settings object. */
export function readEnvelope(raw: unknown): { version: number; settings: unknown } | null {
  if (raw === undefined || raw === null) return null;
  if (isRecord(raw) && typeof raw.version === 'number' && 'settings' in raw) {
    return { version: raw.version, settings: raw.settings };
  }
  return { version: 0, settings: raw };
}

export function migrate(
  settings: unknown,
  fromVersion: number,
  migrations: Record<number, Migration> = MIGRATIONS,
  toVersion = SETTINGS_VERSION,
): { settings: unknown; repairs: Repair[] } {
  if (!isRecord(settings)) return { settings, repairs: [] };
  let current = settings;
  for (let version = fromVersion; version < toVersion; version++) {
    const step = migrations[version];
    if (!step) {
      return {
        settings: {},
        repairs: [{ path: '', problem: `no migration from settings version ${version}`, action: 'reset to default' }],
      };
    }
    try {
      current = step(structuredClone(current));
    } catch (error) {
      return {
        settings: {},
        repairs: [{ path: '', problem: `migration from version ${version} failed: ${String(error)}`, action: 'reset to default' }],
      };
    }
  }
  // A newer version (written by a newer build, or synced from one) is read as is:
  // fields this build knows are kept when valid, the rest are reported.
  return { settings: current, repairs: [] };
}

function describe(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.length ? ` at ${issue.path.join('.')}` : '';
  return `${issue.message}${where}`;
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

type AnySchema = z.core.$ZodType;

/** Keep what is valid, default what is not, field by field. */
function repairValue(schema: AnySchema, value: unknown, fallback: unknown, path: string, repairs: Repair[]): unknown {
  const parsed = z.safeParse(schema, value);
  if (parsed.success) return parsed.data;
  const def = schema._zod.def as { type: string; shape?: Record<string, AnySchema>; element?: AnySchema };
  if (def.type === 'object' && def.shape && isRecord(value) && isRecord(fallback)) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(def.shape)) {
      out[key] = key in value ? repairValue(child, value[key], fallback[key], join(path, key), repairs) : fallback[key];
    }
    for (const key of Object.keys(value)) {
      if (!(key in def.shape)) repairs.push({ path: join(path, key), problem: 'not a known setting', action: 'dropped unknown setting' });
    }
    return out;
  }
  if (def.type === 'array' && def.element && Array.isArray(value)) {
    const element = def.element;
    const kept: unknown[] = [];
    value.forEach((item, index) => {
      const result = z.safeParse(element, item);
      if (result.success) kept.push(result.data);
      else repairs.push({ path: join(path, index), problem: describe(result.error), action: 'removed' });
    });
    return kept;
  }
  repairs.push({ path: path || '(all settings)', problem: describe(parsed.error), action: 'reset to default' });
  return fallback;
}

/** Missing keys are filled from defaults silently: that is how new settings appear after an update. */
function fillMissing(value: unknown, fallback: unknown): unknown {
  if (!isRecord(value) || !isRecord(fallback)) return value === undefined ? fallback : value;
  const out: Record<string, unknown> = { ...value };
  for (const [key, def] of Object.entries(fallback)) out[key] = fillMissing(value[key], def);
  return out;
}

export function repairSettings(raw: unknown): Loaded {
  const envelope = readEnvelope(raw);
  if (!envelope) return { settings: defaultSettings(), repairs: [], fromVersion: null };
  const migrated = migrate(envelope.settings, envelope.version);
  const defaults = defaultSettings();
  const repairs = [...migrated.repairs];
  const filled = fillMissing(isRecord(migrated.settings) ? migrated.settings : undefined, defaults);
  if (!isRecord(migrated.settings)) {
    repairs.push({ path: '(all settings)', problem: 'stored settings are not an object', action: 'reset to default' });
  }
  const settings = repairValue(Settings, filled, defaults, '', repairs) as Settings;
  return { settings, repairs, fromVersion: envelope.version };
}

export function envelope(settings: Settings, now = Date.now()): StoredSettings {
  return { version: SETTINGS_VERSION, updatedAt: now, settings };
}
