import { describe, expect, it } from 'vitest';
import { EMPTY_LISTING } from '../core/findings.ts';
import type { PageResult } from '../core/findings.ts';
import { CSV_COLUMNS, csvField, OutputWriter } from './output.ts';
import type { ScanOutput } from './output.ts';

const page = (findings: PageResult['findings']): PageResult => ({
  url: 'https://x.example/1',
  source: 'a.html',
  scannedAt: '2026-11-29T14:00:00.000Z',
  packs: [{ id: 'controlled', version: '1.0.0' }],
  verdict: findings.length > 0 ? 'violation' : 'clear',
  listing: { ...EMPTY_LISTING, title: 'Title, with "quotes"' },
  findings,
  credentials: [],
  credentialRequired: findings.length > 0,
  missingCredential: findings.length > 0,
});

const finding = (matched: string): PageResult['findings'][number] => ({
  ruleId: 'opioid.oxycodone',
  term: 'oxycodone',
  category: 'opioid',
  severity: 'high',
  matched,
  where: 'visible',
  context: `buy ${matched}\nnow`,
  zone: 'listing',
  tricks: ['leetspeak'],
  explanation: `${matched} → oxycodone (leetspeak)`,
});

function render(format: 'json' | 'jsonl' | 'csv', items: ScanOutput[]): string {
  const chunks: string[] = [];
  const writer = new OutputWriter(format, (c) => chunks.push(c));
  for (const item of items) writer.add(item);
  writer.end();
  return chunks.join('');
}

/** A small RFC 4180 reader, to check the writer's quoting from the other side. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('scan output', () => {
  const items: ScanOutput[] = [page([finding('0xyc0d0ne'), finding('=HYPERLINK("x")')]), page([]), { source: 'r.jsonl:3', url: null, error: 'invalid JSON (x)' }];

  it('writes json as one array that parses back to the items', () => {
    expect(JSON.parse(render('json', items))).toEqual(items);
    expect(JSON.parse(render('json', []))).toEqual([]);
  });

  it('writes jsonl as one object per line', () => {
    const lines = render('jsonl', items).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(items);
  });

  it('writes csv with a row per finding, a row for a clear page and a row per error', () => {
    const rows = parseCsv(render('csv', items));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(5);
    const col = (r: string[] | undefined, name: (typeof CSV_COLUMNS)[number]): string | undefined => r?.[CSV_COLUMNS.indexOf(name)];
    expect(col(rows[1], 'matched')).toBe('0xyc0d0ne');
    expect(col(rows[1], 'context')).toBe('buy 0xyc0d0ne\nnow');
    expect(col(rows[1], 'title')).toBe('Title, with "quotes"');
    expect(col(rows[2], 'matched')).toBe(`'=HYPERLINK("x")`);
    expect(col(rows[3], 'verdict')).toBe('clear');
    expect(col(rows[3], 'rule_id')).toBe('');
    expect(col(rows[4], 'error')).toBe('invalid JSON (x)');
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
  });

  it('quotes only what needs quoting and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('+1 555')).toBe("'+1 555");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});
