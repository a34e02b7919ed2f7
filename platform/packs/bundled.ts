/**
 * Packs shipped inside the extension (rules/*.json, maintained by the rules
 * engineer), validated at load like any other pack.
 */
import { validatePack } from '../../core/rules/load.ts';
import type { Pack } from '../../core/rules/schema.ts';

const files = import.meta.glob<unknown>(['/rules/*.json', '!/rules/*.schema.json'], { eager: true, import: 'default' });

export function bundledPacks(): Pack[] {
  const packs: Pack[] = [];
  for (const [file, value] of Object.entries(files)) {
    const result = validatePack(value, file);
    if (result.ok) packs.push(result.pack);
  }
  return packs.sort((a, b) => a.id.localeCompare(b.id));
}
