// What the browser can learn about an import file before sending it (CRM-05): its kind by name and,
// for CSV, the header row and a few sample rows. The server checks everything again by content.
import { CUSTOM_PREFIX, DELIMITERS, EXTERNAL_ID, type ImportMapping } from '../api/clientImport';

export type FileKind = 'csv' | 'xlsx';

/** How much of a CSV file is read to show its columns: the header and a few rows, not the file. */
export const HEAD_BYTES = 64 * 1024;
export const SAMPLE_ROWS = 3;

export function fileKind(name: string): FileKind | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
}

/** A column's spreadsheet letter: 0 is A, 25 is Z, 26 is AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The delimiter of the first line: the candidate that occurs most often outside quotes. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  let most = 0;
  for (const [delimiter, count] of counts) {
    if (count > most) {
      best = delimiter;
      most = count;
    }
  }
  return best;
}

/**
 * The first `limit` records of CSV text (RFC 4180: quoted fields may hold the delimiter, line breaks
 * and doubled quotes). `complete` says whether the text is the whole file: when it is only the start,
 * a last record without its line break may be cut off and is left out (unless nothing else was read).
 */
export function parseCsvHead(
  text: string,
  delimiter: string,
  limit = SAMPLE_ROWS + 1,
  complete = true,
): string[][] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const endRecord = () => {
    record.push(field);
    field = '';
    if (!(record.length === 1 && record[0] === '')) records.push(record);
    record = [];
  };
  for (let i = 0; i < source.length && records.length < limit; i += 1) {
    const char = source[i]!;
    if (quoted) {
      if (char !== '"') field += char;
      else if (source[i + 1] === '"') {
        field += '"';
        i += 1;
      } else quoted = false;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === delimiter) {
      record.push(field);
      field = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && source[i + 1] === '\n') i += 1;
      endRecord();
    } else field += char;
  }
  const pending = field !== '' || record.length > 0;
  if (records.length < limit && pending && ((complete && !quoted) || records.length === 0)) endRecord();
  return records;
}

export interface CsvColumn {
  /** what the mapping names the column by: its header, or its letter without a header row */
  name: string;
  letter: string;
  header: string | null;
  samples: string[];
}

/** The columns of a CSV head as the mapping step shows them. */
export function csvColumns(records: string[][], hasHeader: boolean): CsvColumn[] {
  const width = Math.max(0, ...records.map((r) => r.length));
  const header = hasHeader ? (records[0] ?? []) : [];
  const rows = hasHeader ? records.slice(1) : records;
  return Array.from({ length: width }, (_, index) => {
    const letter = columnLetter(index);
    const title = header[index]?.trim() || null;
    return {
      name: title ?? letter,
      letter,
      header: title,
      samples: rows.map((row) => row[index] ?? '').filter((value) => value.trim() !== ''),
    };
  });
}

/** Reads the start of a file as text in the chosen encoding. */
export async function readHead(file: Blob, encoding: string): Promise<string> {
  const part = file.slice(0, HEAD_BYTES);
  const buffer =
    typeof part.arrayBuffer === 'function'
      ? await part.arrayBuffer()
      : await new Promise<ArrayBuffer>((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => resolve(reader.result as ArrayBuffer);
          reader.onerror = () => reject(reader.error);
          reader.readAsArrayBuffer(part);
        });
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(buffer);
}

/** A header and a letter name the same column when they match, case and spaces aside. */
export const sameColumn = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export type MappingProblem = 'externalIdMissing' | 'targetTwice' | 'columnMissing' | 'columnTwice';

/** The mapping's own checks, as the server makes them: every target once, the external id among them. */
export function mappingProblems(rows: { column: string; target: string }[]): {
  problem: MappingProblem | null;
  index: number | null;
} {
  const used = rows.filter((row) => row.target);
  const targets = new Set<string>();
  const columns = new Set<string>();
  for (const [index, row] of rows.entries()) {
    if (!row.target) continue;
    if (!row.column.trim()) return { problem: 'columnMissing', index };
    const column = row.column.trim().toLowerCase();
    if (columns.has(column)) return { problem: 'columnTwice', index };
    columns.add(column);
    if (targets.has(row.target)) return { problem: 'targetTwice', index };
    targets.add(row.target);
  }
  if (!used.some((row) => row.target === EXTERNAL_ID)) return { problem: 'externalIdMissing', index: null };
  return { problem: null, index: null };
}

/** The mapping the API takes, from the rows with a target. */
export function toMapping(
  rows: { column: string; target: string }[],
  options: { kind: FileKind; hasHeader: boolean; delimiter: string; encoding: string },
): ImportMapping {
  const columns: Record<string, string> = {};
  for (const row of rows) if (row.target && row.column.trim()) columns[row.column.trim()] = row.target;
  if (options.kind === 'xlsx') return { columns, hasHeader: options.hasHeader };
  return {
    columns,
    delimiter: options.delimiter,
    ...(options.encoding.toUpperCase() === 'UTF-8' ? {} : { encoding: options.encoding }),
    hasHeader: options.hasHeader,
  };
}

export const isCustomTarget = (target: string) => target.startsWith(CUSTOM_PREFIX);
