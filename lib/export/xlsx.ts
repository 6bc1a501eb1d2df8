/**
 * The export as an .xlsx workbook written as it goes: the worksheet XML is produced a page of rows at a time and
 * deflated into a streaming ZIP (./zip), so memory holds one page, never the sheet. The parts a spreadsheet needs
 * (workbook, relationships, styles, content types) are small and follow the sheets, once their number is known.
 *
 * Cells: numbers and booleans typed as such, text as inline strings (no shared-string table, which would have to be
 * held whole), empty text and nulls as no cell. The header is bold and frozen; the GB/T code column is formatted as
 * text so that spreadsheets keep its leading zeros (000000).
 */
import { type Locale, messages } from "@/lib/i18n";
import { type CodebookEntry, codebook } from "./codebook";
import { type ExportRow, FILE_COLUMNS } from "./columns";
import { type Cell, type DataTally, fileValues, headerOf, neutralised } from "./format";
import { ZipWriter } from "./zip";

/** Rows a worksheet holds below its header (Excel's limit is 1 048 576 rows); more continue on another sheet. */
export const XLSX_ROWS_PER_SHEET = 1_048_575;

/**
 * A sheet's XML is kept well under the 4 GiB a ZIP entry without ZIP64 can hold: counted as three bytes per UTF-16
 * unit (UTF-8's most), a new sheet starts past 3 GiB.
 */
const SHEET_BYTE_BUDGET = 3 * 1024 ** 3;

/** Excel refuses (asks to repair) a cell of more characters. */
const MAX_CELL_CHARS = 32_767;

/** Worksheet XML handed to the compressor in pieces of about this many characters. */
const PIECE_CHARS = 256 * 1024;

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Style ids of styles.xml's cellXfs: 0 default, 1 bold (header), 2 text (`@`, the code column). */
const STYLE_BOLD = 1;
const STYLE_TEXT = 2;

function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const LETTERS = FILE_COLUMNS.map((_, index) => columnLetters(index));
/** GB/T codes keep their leading zeros as text. */
const TEXT_COLUMNS = new Set(["code", "parent_code"].map((name) => FILE_COLUMNS.findIndex((c) => c.name === name)));
const WIDE_COLUMNS = new Set(["target_text", "outcome_text", "reason", "source_url", "outcome_source_url"]);

/**
 * Text as an OOXML string: XML's five escapes; characters XML 1.0 cannot hold, and carriage returns (which XML
 * parsers turn into line feeds), as `_xHHHH_`; a literal `_xHHHH_` escaped as `_x005F_xHHHH_` so that it reads back
 * as written; unpaired surrogates as U+FFFD.
 */
export function xlsxText(text: string): string {
  return text
    .slice(0, MAX_CELL_CHARS)
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string)
    .replace(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being escaped.
      /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
    );
}

function cell(reference: string, value: unknown, style = 0): string {
  const s = style ? ` s="${style}"` : "";
  if (typeof value === "number") return Number.isFinite(value) ? `<c r="${reference}"${s}><v>${value}</v></c>` : "";
  if (typeof value === "boolean") return `<c r="${reference}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (typeof value !== "string" || value === "") return "";
  const text = xlsxText(neutralised(value));
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
  return `<c r="${reference}"${s} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
}

function rowXml(number: number, values: readonly unknown[], style = 0, textColumns = TEXT_COLUMNS): string {
  let cells = "";
  values.forEach((value, column) => {
    const reference = `${LETTERS[column] ?? columnLetters(column)}${number}`;
    cells += cell(reference, value, style || (textColumns.has(column) ? STYLE_TEXT : 0));
  });
  return `<row r="${number}">${cells}</row>`;
}

/** The start of a worksheet: frozen header row `headers`, columns `widths` wide. */
function sheetHead(headers: readonly string[], widths: readonly number[], textColumns: Set<number>): string {
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/><cols>' +
    widths
      .map((width, index) => {
        const style = textColumns.has(index) ? ` style="${STYLE_TEXT}"` : "";
        return `<col min="${index + 1}" max="${index + 1}" width="${width}" customWidth="1"${style}/>`;
      })
      .join("") +
    "</cols><sheetData>" +
    rowXml(1, headers, STYLE_BOLD, textColumns)
  );
}

const DATA_WIDTHS = FILE_COLUMNS.map((column) => (WIDE_COLUMNS.has(column.name) ? 50 : 14));
const SHEET_TAIL = "</sheetData></worksheet>";

/** Rows one at a time from pages of them, with one row of look-ahead for starting a sheet only when one is due. */
class RowCursor {
  private page: ExportRow[] = [];
  private index = 0;
  private done = false;

  constructor(private readonly pages: AsyncIterator<ExportRow[]>) {}

  async peek(): Promise<ExportRow | undefined> {
    while (this.index >= this.page.length && !this.done) {
      const next = await this.pages.next();
      if (next.done) this.done = true;
      else {
        this.page = next.value;
        this.index = 0;
      }
    }
    return this.page[this.index];
  }

  take(): void {
    this.index += 1;
  }
}

/** One worksheet's XML: rows from `cursor` until it is exhausted or the sheet is full. */
async function* sheetXml(cursor: RowCursor, rowsPerSheet: number, tally: DataTally): AsyncGenerator<string> {
  let piece = sheetHead(
    FILE_COLUMNS.map((column) => headerOf(column, tally.lang)),
    DATA_WIDTHS,
    TEXT_COLUMNS,
  );
  let rows = 0;
  let budget = SHEET_BYTE_BUDGET;
  for (let row = await cursor.peek(); row && rows < rowsPerSheet; row = await cursor.peek()) {
    const xml = rowXml(rows + 2, fileValues(row, tally.lang));
    budget -= xml.length * 3;
    if (budget < 0 && rows > 0) break;
    cursor.take();
    tally.add([row]);
    rows += 1;
    piece += xml;
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = "";
    }
  }
  yield piece + SHEET_TAIL;
}

const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

/** The codebook sheet: the citation and hash, then a row per column of the data sheets. */
function codebookSheetXml(
  lang: Locale,
  entries: CodebookEntry[],
  citation: { line: string; sha256: string; filters: string; rows: number },
): string {
  const t = messages(lang).exportData;
  const c = t.codebook;
  const rows: Cell[][] = [
    [c.citation, citation.line],
    [c.filters, citation.filters || c.noFilters],
    [c.rows, citation.rows],
    [c.hash, citation.sha256],
    ["", c.hashNote],
    ["", c.intro],
    [],
  ];
  const head = [c.name, c.header, c.type, c.meaning, c.codeList];
  for (const entry of entries) {
    rows.push([
      entry.name,
      entry.header,
      t.types[entry.type] ?? entry.type,
      entry.meaning,
      entry.codes.map(({ code, label }) => `${code} = ${label}`).join("; "),
    ]);
  }
  return (
    sheetHead(head, [22, 22, 10, 80, 60], new Set()) +
    rows.map((values, index) => rowXml(index + 2, values, 0, new Set())).join("") +
    SHEET_TAIL
  );
}

function sheetNames(lang: Locale, sheets: number): string[] {
  const [data, book] = lang === "en" ? ["targets", "codebook"] : ["目标", "字段说明"];
  return [...Array.from({ length: sheets }, (_, i) => (i === 0 ? data : `${data} ${i + 1}`)), book];
}

function workbookParts(names: string[], created: Date): [string, string][] {
  const sheets = names.length;
  const numbers = Array.from({ length: sheets }, (_, i) => i + 1);
  const stamp = created.toISOString().replace(/\.\d+Z$/, "Z");
  return [
    [
      "xl/workbook.xml",
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>` +
        numbers.map((n) => `<sheet name="${names[n - 1]}" sheetId="${n}" r:id="rId${n}"/>`).join("") +
        "</sheets></workbook>",
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">` +
        numbers
          .map((n) => `<Relationship Id="rId${n}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${n}.xml"/>`)
          .join("") +
        `<Relationship Id="rId${sheets + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ["xl/styles.xml", STYLES],
    [
      "docProps/core.xml",
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Luoshi</dc:creator>' +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created></cp:coreProperties>`,
    ],
    [
      "_rels/.rels",
      `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">` +
        `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        "</Relationships>",
    ],
    [
      "[Content_Types].xml",
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        numbers
          .map(
            (n) =>
              `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join("") +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        "</Types>",
    ],
  ];
}

export interface XlsxOptions {
  created?: Date;
  /** Rows per worksheet before the next one starts (tests set a few). */
  rowsPerSheet?: number;
}

/**
 * The workbook's bytes, a piece at a time: the data sheets (a sheet of header only when there are no rows), then the
 * codebook sheet with the citation of the rows written (`citation` is asked once they all are).
 */
export async function* xlsxChunks(
  pages: AsyncIterable<ExportRow[]>,
  tally: DataTally,
  citation: () => { line: string; sha256: string; filters: string; rows: number },
  { created = new Date(), rowsPerSheet = XLSX_ROWS_PER_SHEET }: XlsxOptions = {},
): AsyncGenerator<Uint8Array> {
  const zip = new ZipWriter(created);
  const iterator = pages[Symbol.asyncIterator]();
  try {
    const cursor = new RowCursor(iterator);
    let sheets = 0;
    do {
      sheets += 1;
      yield* zip.entry(`xl/worksheets/sheet${sheets}.xml`, sheetXml(cursor, rowsPerSheet, tally));
    } while (await cursor.peek());
    const book = codebookSheetXml(tally.lang, codebook(tally.lang), citation());
    yield* zip.entry(`xl/worksheets/sheet${sheets + 1}.xml`, [book]);
    for (const [name, xml] of workbookParts(sheetNames(tally.lang, sheets), created)) yield* zip.entry(name, [xml]);
    yield zip.finish();
  } finally {
    await iterator.return?.();
  }
}
