import { describe, expect, it } from 'vitest';
import {
  columnLetter,
  csvColumns,
  detectDelimiter,
  fileKind,
  mappingProblems,
  parseCsvHead,
  toMapping,
} from './importFile';

describe('import file helpers (CRM-05)', () => {
  it('names columns by spreadsheet letters', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });

  it('tells CSV from XLSX by the name only', () => {
    expect(fileKind('Clients.CSV')).toBe('csv');
    expect(fileKind('list.xlsx')).toBe('xlsx');
    expect(fileKind('list.xls')).toBeNull();
    expect(fileKind('setup.exe')).toBeNull();
  });

  it('guesses the delimiter from the header, ignoring quoted ones', () => {
    expect(detectDelimiter('"Name, full";Phone;E-mail\na,b;c;d')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('a|b|c,d')).toBe('|');
    expect(detectDelimiter('single')).toBe(',');
  });

  it('reads quoted fields with delimiters, doubled quotes, line breaks and a BOM', () => {
    const text = '\uFEFFid,"Name, full","Note"\r\n1,"Popa, Ana","said ""hi""\nthen left"\n2,Rusu,\n';
    expect(parseCsvHead(text, ',')).toEqual([
      ['id', 'Name, full', 'Note'],
      ['1', 'Popa, Ana', 'said "hi"\nthen left'],
      ['2', 'Rusu', ''],
    ]);
  });

  it('leaves out a last record cut off by the end of the part read', () => {
    expect(parseCsvHead('a,b\n1,2\n3,', ',', 10, false)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsvHead('a,b\n1,2\n3,4', ',', 10, true)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('names columns by header, or by letter when the header is blank or absent', () => {
    const records = [
      ['Customer no', '', 'Phone'],
      ['C-1', 'x', '+373'],
    ];
    expect(csvColumns(records, true).map((c) => [c.name, c.letter, c.samples])).toEqual([
      ['Customer no', 'A', ['C-1']],
      ['B', 'B', ['x']],
      ['Phone', 'C', ['+373']],
    ]);
    expect(csvColumns(records, false).map((c) => c.name)).toEqual(['A', 'B', 'C']);
  });

  it('checks a mapping as the server does', () => {
    expect(mappingProblems([{ column: 'A', target: 'firstName' }]).problem).toBe('externalIdMissing');
    expect(
      mappingProblems([
        { column: 'A', target: 'externalId' },
        { column: 'B', target: 'phone' },
        { column: 'C', target: 'phone' },
      ]),
    ).toEqual({ problem: 'targetTwice', index: 2 });
    expect(
      mappingProblems([
        { column: 'a', target: 'externalId' },
        { column: 'A ', target: 'phone' },
      ]),
    ).toEqual({ problem: 'columnTwice', index: 1 });
    expect(mappingProblems([{ column: ' ', target: 'externalId' }])).toEqual({
      problem: 'columnMissing',
      index: 0,
    });
    expect(
      mappingProblems([
        { column: 'A', target: 'externalId' },
        { column: 'B', target: '' },
      ]).problem,
    ).toBeNull();
  });

  it('sends the delimiter and a non-default encoding for CSV only', () => {
    const rows = [
      { column: ' No ', target: 'externalId' },
      { column: 'Skip', target: '' },
    ];
    expect(toMapping(rows, { kind: 'csv', hasHeader: true, delimiter: ';', encoding: 'UTF-8' })).toEqual({
      columns: { No: 'externalId' },
      delimiter: ';',
      hasHeader: true,
    });
    expect(
      toMapping(rows, { kind: 'csv', hasHeader: false, delimiter: ',', encoding: 'windows-1250' }),
    ).toEqual({
      columns: { No: 'externalId' },
      delimiter: ',',
      encoding: 'windows-1250',
      hasHeader: false,
    });
    expect(
      toMapping(rows, { kind: 'xlsx', hasHeader: true, delimiter: ';', encoding: 'windows-1250' }),
    ).toEqual({
      columns: { No: 'externalId' },
      hasHeader: true,
    });
  });
});
