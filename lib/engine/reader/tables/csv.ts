/**
 * CSV text → records, after RFC 4180: fields separated by a delimiter, records by CRLF, LF or CR; a field in double
 * quotes may hold delimiters, line breaks and doubled quotes (`""` → `"`). Lenient where spreadsheet programs are: a
 * quote inside an unquoted field is a character, text after a closing quote is kept, the last record needs no line
 * break. Records are yielded one at a time, so a caller that stops early (a row cap) parses no further.
 */

export interface CsvRecord {
  /** 1-based number of the record in the file (the header is record 1), as a spreadsheet program numbers rows. */
  row: number;
  fields: string[];
}

/** Why the text cannot be split into records; `row` is the record where parsing stopped. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
    this.name = "CsvSyntaxError";
  }
}

export interface CsvOptions {
  /** Field separator; `detectDelimiter` picks one from the header line. Default `,`. */
  delimiter?: string;
  /** Most fields a record may have before parsing stops (a hostile file of one huge row of empty fields). */
  maxFields?: number;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const DEFAULT_MAX_FIELDS = 1000;
const CANDIDATE_DELIMITERS = [",", "\t", ";"] as const;

/**
 * The delimiter of a CSV text, from its first line: a comma, unless tabs or semicolons (as some spreadsheet locales
 * export) outnumber commas there. Quoted parts of the line are not counted.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(CANDIDATE_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ",";
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

/** Index of the next delimiter or line break at or after `from` (the text's length when there is none). */
function fieldEnd(text: string, from: number, delimiter: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === delimiter || code === LF || code === CR) return i;
  }
  return text.length;
}

/** Parse CSV text into records. A leading byte-order mark is skipped. Throws CsvSyntaxError on an unclosed quote. */
export function* parseCsv(text: string, options: CsvOptions = {}): Generator<CsvRecord> {
  const delimiterText = options.delimiter ?? ",";
  if (delimiterText.length !== 1 || delimiterText === '"' || delimiterText === "\n" || delimiterText === "\r") {
    throw new Error(`unusable CSV delimiter ${JSON.stringify(delimiterText)}`);
  }
  const delimiter = delimiterText.charCodeAt(0);
  const maxFields = options.maxFields ?? DEFAULT_MAX_FIELDS;
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let row = 0;
  while (i < n) {
    row++;
    const fields: string[] = [];
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        // Find the closing quote (one not doubled), then undouble the quotes inside in one pass.
        const start = i + 1;
        let doubled = false;
        let close = text.indexOf('"', start);
        while (close !== -1 && text.charCodeAt(close + 1) === QUOTE) {
          doubled = true;
          close = text.indexOf('"', close + 2);
        }
        if (close === -1) {
          throw new CsvSyntaxError(row, `a quoted field opened in row ${row} is never closed`);
        }
        value = doubled ? text.slice(start, close).replaceAll('""', '"') : text.slice(start, close);
        i = close + 1;
        // Not RFC 4180, but what spreadsheet programs do with `"a"b`: keep the stray text.
        const end = fieldEnd(text, i, delimiter);
        if (end > i) value += text.slice(i, end);
        i = end;
      } else {
        const end = fieldEnd(text, i, delimiter);
        value = text.slice(i, end);
        i = end;
      }
      fields.push(value);
      if (fields.length > maxFields) {
        throw new CsvSyntaxError(row, `row ${row} has more than ${maxFields} columns`);
      }
      if (i >= n) break;
      const code = text.charCodeAt(i);
      if (code === delimiter) {
        i++;
        if (i >= n) {
          fields.push("");
          break;
        }
        continue;
      }
      // A line break ends the record: CRLF, LF or a lone CR.
      i += code === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      break;
    }
    yield { row, fields };
  }
}
