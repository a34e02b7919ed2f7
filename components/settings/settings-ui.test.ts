import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../core/findings.ts';
import { parsePack } from '../../core/rules/load.ts';
import { exampleCustomPack } from './CustomRulesSection.tsx';
import { messages } from './messages.ts';
import { syncMessage } from './SyncSection.tsx';
import { translator } from '../../platform/i18n.ts';

describe('options page pieces', () => {
  it('offers an example custom pack that validates', () => {
    const result = parsePack(exampleCustomPack('2026-11-29'), 'custom rules');
    expect(result.ok ? result.pack.rules.map((r) => r.id) : result.errors).toEqual(['custom.example']);
  });

  it('names every finding category in both languages', () => {
    for (const category of CATEGORIES) {
      expect(Object.keys(messages.en)).toContain(`category_${category}`);
    }
  });

  it('spells out a sync quota problem with locale numbers', () => {
    const es = translator(messages, 'es');
    const status = { kind: 'saved' as const, result: { synced: false, syncProblems: [{ kind: 'total-too-large' as const, bytes: 123456, limit: 102400 }] } };
    expect(syncMessage(es, status)).toBe('Guardado en este equipo, pero no sincronizado: los ajustes ocupan 123.456 bytes y la sincronización admite 102.400 bytes en total.');
    expect(syncMessage(translator(messages, 'en'), { kind: 'idle' })).toBe('');
  });
});
