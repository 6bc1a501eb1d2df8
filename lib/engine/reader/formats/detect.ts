/**
 * Which reader a file's bytes go to. The bytes decide first (`%PDF-`, a ZIP holding `word/document.xml`, an OLE
 * compound file), the name only where the bytes say nothing: a `.pdf` that holds text is read as text, a Word
 * document saved under another name is read as Word. Tables (.csv, .xlsx) are the exception: their reader knows what
 * else such a file may be and says so.
 */
import { isTableName } from "../tables";
import { isZip, ZipArchive, ZipError } from "../tables/zip";

export type FileFormat = "pdf" | "docx" | "legacy_office" | "jsonl" | "table" | "text";

const PDF_MAGIC = "%PDF-";
/** PDF readers accept a header up to 1 KB in (some generators put junk before it); so do we. */
const PDF_HEADER_WINDOW = 1024;
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
export const DOCX_BODY = "word/document.xml";

export function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, PDF_HEADER_WINDOW));
  return head.includes(PDF_MAGIC);
}

export function isOle(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((b, i) => bytes[i] === b);
}

/** A ZIP archive with a Word body part. A damaged ZIP is not one: the name or the text decoder then say what it is. */
export function isDocx(bytes: Uint8Array): boolean {
  if (!isZip(bytes)) return false;
  try {
    return new ZipArchive(bytes).has(DOCX_BODY);
  } catch (error) {
    if (error instanceof ZipError) return false;
    throw error;
  }
}

export function sniffFormat(bytes: Uint8Array, filename: string): FileFormat {
  if (isPdf(bytes)) return "pdf";
  // A table's reader says itself what else a .csv or .xlsx holds (a legacy .xls, a protected workbook, a .docx).
  if (isTableName(filename)) return "table";
  if (isDocx(bytes)) return "docx";
  if (isOle(bytes)) return "legacy_office";
  if (/\.docx$/i.test(filename) && isZip(bytes)) return "docx";
  if (/\.jsonl$/i.test(filename)) return "jsonl";
  return "text";
}
