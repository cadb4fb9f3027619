/**
 * CSV (RFC 4180) for spreadsheets people open in Excel: a UTF-8 byte-order mark so Excel reads
 * Persian text, CRLF line ends, fields quoted when they hold a comma, quote, CR or LF.
 */

export const UTF8_BOM = '\uFEFF';

function quote(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Serialises a header and rows (cells in header order; null/undefined become empty cells). */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
): string {
  const line = (cells: readonly (string | number | boolean | null | undefined)[]) =>
    cells.map((c) => quote(c === null || c === undefined ? '' : String(c))).join(',');
  return UTF8_BOM + [line(header), ...rows.map(line)].map((l) => `${l}\r\n`).join('');
}

export interface CsvRecord {
  /** 1-based line of the file where the record starts (the header is line 1). */
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Parses RFC 4180 text (tolerates a BOM, LF or CRLF line ends, a missing final line end; skips
 * blank lines). Quoted fields may hold commas, quotes (doubled) and line breaks. Throws
 * CsvSyntaxError for an unclosed quote or text after a closing quote.
 */
export function parseCsv(input: string): CsvRecord[] {
  const text = input.startsWith(UTF8_BOM) ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quotedCell = false;
  const endCell = () => {
    cells.push(cell);
    cell = '';
    quotedCell = false;
  };
  const endRecord = () => {
    endCell();
    if (!(cells.length === 1 && cells[0] === '' && !quotedCellSeen)) records.push({ line: recordLine, cells });
    cells = [];
    quotedCellSeen = false;
  };
  let quotedCellSeen = false;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && cell === '' && !quotedCell) {
      // A quoted field.
      quotedCell = true;
      quotedCellSeen = true;
      const start = line;
      i += 1;
      for (;;) {
        if (i >= text.length) throw new CsvSyntaxError(start, `unclosed quote in the field that starts on line ${start}`);
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (c === '\n') line += 1;
        if (c === '\r' && text[i + 1] === '\n') {
          cell += '\r\n';
          line += 1;
          i += 2;
          continue;
        }
        cell += c;
        i += 1;
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new CsvSyntaxError(line, `unexpected text after a closing quote on line ${line}`);
      }
      continue;
    }
    if (ch === ',') {
      endCell();
      i += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    if (quotedCell) throw new CsvSyntaxError(line, `unexpected text after a closing quote on line ${line}`);
    cell += ch;
    i += 1;
  }
  if (cell !== '' || cells.length || quotedCellSeen) endRecord();
  return records;
}
