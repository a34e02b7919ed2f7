import { describe, expect, it } from 'vitest';
import { applyDecision, decisionKey } from './triage.ts';

const empty = { version: 1 as const, decisions: {}, tallies: {} };

describe('triage tallies', () => {
  it('counts a decision against its rule', () => {
    const s = applyDecision(empty, 'u\u0000k', 'r1', 'confirm', 1);
    expect(s.tallies.r1).toEqual({ confirm: 1, 'false-positive': 0, escalate: 0 });
    expect(s.decisions['u\u0000k']?.decision).toBe('confirm');
  });

  it('moves the tally when a decision changes, and clears it', () => {
    let s = applyDecision(empty, 'k', 'r1', 'confirm', 1);
    s = applyDecision(s, 'k', 'r1', 'false-positive', 2);
    expect(s.tallies.r1).toEqual({ confirm: 0, 'false-positive': 1, escalate: 0 });
    s = applyDecision(s, 'k', 'r1', null, 3);
    expect(s.tallies.r1).toEqual({ confirm: 0, 'false-positive': 0, escalate: 0 });
    expect(s.decisions.k).toBeUndefined();
  });

  it('keys decisions by listing without the fragment', () => {
    expect(decisionKey('https://a.example/item#x', 'k')).toBe(decisionKey('https://a.example/item', 'k'));
    expect(decisionKey('https://a.example/item?id=1', 'k')).not.toBe(decisionKey('https://a.example/item?id=2', 'k'));
  });
});
