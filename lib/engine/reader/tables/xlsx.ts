/**
 * An .xlsx workbook → the rows of its worksheets, synchronously: the ZIP container (./zip), then the workbook, its
 * relationships, the shared strings and a worksheet, each read with htmlparser2's XML mode (a dependency the reader
 * already has). Only cell values are read: styles, formulas and drawings are ignored; a formula cell gives its cached
 * value. Numeric cells stay numbers, so that a date column's serial numbers can be told from text.
 */
import { Parser } from "htmlparser2";
import type { TableCell, TableRow } from "./rows";
import { ZipArchive, ZipError } from "./zip";

export interface XlsxSheet {
  name: string;
  /** Rows in sheet order; empty rows are left out, `row` keeps the number a spreadsheet program shows. */
  rows: TableRow[];
  /** True when more rows follow than `maxRows` let through. */
  truncated: boolean;
}

export interface XlsxWorkbook {
  sheetNames: string[];
  /** Dates are days since 1904-01-01 instead of 1899-12-30 (old Mac workbooks). */
  date1904: boolean;
  /** Parse one worksheet, in workbook order. */
  readSheet(index: number): XlsxSheet;
}

/** Why a workbook cannot be read, in words for the user; the caller names the file. */
export class XlsxError extends Error {
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
    this.name = "XlsxError";
  }
}

export interface XlsxLimits {
  /** Most bytes any one part (a worksheet's XML, the shared strings) may expand to. */
  maxPartBytes: number;
  /** Most non-empty rows read from a sheet (the caller adds the header). */
  maxRows: number;
  /** Highest column count a row may have. */
  maxColumns: number;
}

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;
const REL_WORKSHEET = /\/worksheet$/;

interface XmlHandlers {
  open?: (name: string, attributes: Record<string, string>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
  /** Set by `parseXml`: ends the parse early (a row cap), no further handler is called. */
  stop?: () => void;
}

/** The local name of a tag or attribute: some writers prefix every element (`x:c`). */
function local(name: string): string {
  const colon = name.indexOf(":");
  return colon === -1 ? name : name.slice(colon + 1);
}

function localAttributes(attributes: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) {
    // Namespaced attributes (r:id) keep their prefix too, for lookups that need it.
    result[key] = value;
    result[local(key)] ??= value;
  }
  return result;
}

/** Run an XML document through htmlparser2, calling `handlers` with local names. */
function parseXml(xml: string, handlers: XmlHandlers): void {
  const state = { stopped: false };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (!state.stopped) handlers.open?.(local(name), localAttributes(attributes));
      },
      onclosetag(name) {
        if (!state.stopped) handlers.close?.(local(name));
      },
      ontext(text) {
        if (!state.stopped) handlers.text?.(text);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  handlers.stop = () => {
    state.stopped = true;
    parser.pause();
  };
  parser.write(xml);
  if (!state.stopped) parser.end();
}

/** XML parts are UTF-8 unless they start with a UTF-16 byte-order mark. */
function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return new TextDecoder("utf-8").decode(bytes);
}

/** OOXML escapes characters XML cannot hold as `_xHHHH_` (`_x000D_` is a carriage return, `_x005F_` an underscore). */
function unescapeOoxml(text: string): string {
  return text.includes("_x")
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    : text;
}

/** `AB12` → 27 (0-based column of a cell reference), or null when the reference has no letters. */
function columnOf(reference: string): number | null {
  let column = 0;
  let letters = 0;
  for (const ch of reference) {
    const code = ch.toUpperCase().charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
    letters++;
  }
  return letters === 0 ? null : column - 1;
}

function resolvePart(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

function relationshipsPath(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** Text of `<t>` elements inside `container` elements, skipping phonetic runs (`<rPh>`). */
function collectStrings(xml: string, container: string): string[] {
  const strings: string[] = [];
  let parts: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  parseXml(xml, {
    open(name) {
      if (name === container) parts = [];
      else if (name === "rPh") phonetic++;
      else if (name === "t" && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === container && parts) {
        strings.push(unescapeOoxml(parts.join("")));
        parts = null;
      } else if (name === "rPh") phonetic--;
      else if (name === "t") inText = false;
    },
    text(text) {
      if (inText && parts) parts.push(text);
    },
  });
  return strings;
}

export function readXlsx(bytes: Uint8Array, limits: XlsxLimits): XlsxWorkbook {
  const zip = new ZipArchive(bytes);
  const readPart = (name: string): string | null => {
    const data = zip.read(name, limits.maxPartBytes);
    return data === null ? null : decodeXml(data);
  };
  const readRelationships = (part: string): Relationship[] => {
    const xml = readPart(relationshipsPath(part));
    if (xml === null) return [];
    const relationships: Relationship[] = [];
    parseXml(xml, {
      open(name, a) {
        if (name === "Relationship" && a.Id && a.Target) {
          relationships.push({ id: a.Id, type: a.Type ?? "", target: resolvePart(part, a.Target) });
        }
      },
    });
    return relationships;
  };

  const rootTarget = readRelationships("").find((r) => REL_OFFICE_DOCUMENT.test(r.type))?.target;
  const workbookPart = rootTarget && zip.has(rootTarget) ? rootTarget : "xl/workbook.xml";
  const workbookXml = readPart(workbookPart);
  if (workbookXml === null) {
    throw new ZipError("the ZIP archive holds no xl/workbook.xml (is it a .docx or another format?)");
  }
  const workbookRelationships = readRelationships(workbookPart);
  const sheets: { name: string; part: string }[] = [];
  let date1904 = false;
  parseXml(workbookXml, {
    open(name, a) {
      if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
      if (name === "sheet") {
        const id = a["r:id"] ?? a.id;
        const relationship = workbookRelationships.find((r) => r.id === id && REL_WORKSHEET.test(r.type));
        if (relationship) sheets.push({ name: a.name ?? `sheet ${sheets.length + 1}`, part: relationship.target });
      }
    },
  });
  if (sheets.length === 0) throw new XlsxError("the workbook has no worksheet");

  let sharedStrings: string[] | undefined;
  const shared = (): string[] => {
    if (!sharedStrings) {
      const part = workbookRelationships.find((r) => REL_SHARED_STRINGS.test(r.type))?.target ?? "xl/sharedStrings.xml";
      const xml = readPart(part);
      sharedStrings = xml === null ? [] : collectStrings(xml, "si");
    }
    return sharedStrings;
  };

  return {
    sheetNames: sheets.map((s) => s.name),
    date1904,
    readSheet(index) {
      const sheet = sheets[index];
      if (!sheet) throw new RangeError(`no sheet ${index}`);
      const xml = readPart(sheet.part);
      if (xml === null) throw new XlsxError(`the worksheet “${sheet.name}” is missing from the workbook`);
      return { name: sheet.name, ...readSheetRows(xml, shared, limits) };
    },
  };
}

function readSheetRows(
  xml: string,
  shared: () => string[],
  limits: XlsxLimits,
): { rows: TableRow[]; truncated: boolean } {
  const rows: TableRow[] = [];
  let truncated = false;
  let rowNumber = 0;
  let cells: TableCell[] = [];
  let column = 0;
  let cellType = "n";
  let value: string[] = [];
  let inline: string[] = [];
  let inValue = false;
  let inInlineText = false;
  let phonetic = 0;
  let tooWide = false;
  const handlers: XmlHandlers = {
    open(name, a) {
      switch (name) {
        case "row":
          rowNumber = a.r ? Number.parseInt(a.r, 10) : rowNumber + 1;
          cells = [];
          column = 0;
          break;
        case "c":
          column = (a.r ? columnOf(a.r) : null) ?? column;
          cellType = a.t ?? "n";
          value = [];
          inline = [];
          break;
        case "v":
          inValue = true;
          break;
        case "rPh":
          phonetic++;
          break;
        case "t":
          if (phonetic === 0) inInlineText = true;
          break;
      }
    },
    close(name) {
      switch (name) {
        case "v":
          inValue = false;
          break;
        case "rPh":
          phonetic--;
          break;
        case "t":
          inInlineText = false;
          break;
        case "c": {
          if (column >= limits.maxColumns) {
            tooWide = true;
            handlers.stop?.();
            return;
          }
          const cell = cellValue(cellType, value.join(""), inline.join(""), shared);
          while (cells.length < column) cells.push("");
          cells[column] = cell;
          column++;
          break;
        }
        case "row":
          if (cells.some((cell) => cell !== "")) {
            if (rows.length >= limits.maxRows) {
              truncated = true;
              handlers.stop?.();
              return;
            }
            rows.push({ row: rowNumber, cells });
          }
          break;
      }
    },
    text(text) {
      if (inValue) value.push(text);
      else if (inInlineText) inline.push(text);
    },
  };
  parseXml(xml, handlers);
  if (tooWide) throw new XlsxError(`row ${rowNumber} has more than ${limits.maxColumns} columns`);
  return { rows, truncated };
}

function cellValue(type: string, value: string, inline: string, shared: () => string[]): TableCell {
  switch (type) {
    case "s": {
      const index = Number.parseInt(value, 10);
      return Number.isInteger(index) ? (shared()[index] ?? "") : "";
    }
    case "inlineStr":
      return unescapeOoxml(inline);
    case "str":
      return unescapeOoxml(value);
    case "b":
      return value === "1" ? "TRUE" : "FALSE";
    case "e":
      // An error value (#N/A, #REF!): no usable content.
      return "";
    case "n": {
      if (value.trim() === "") return "";
      const number = Number(value);
      return Number.isFinite(number) ? number : value;
    }
    default:
      // `d` (an ISO 8601 date) and anything unknown: the value as written.
      return value;
  }
}
