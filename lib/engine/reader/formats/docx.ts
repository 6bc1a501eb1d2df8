/**
 * Word .docx → text, synchronously: the body part (`word/document.xml`) is unzipped with the workbook reader's ZIP
 * code (which caps what an entry may expand to) and its XML read with htmlparser2. Each paragraph becomes a line;
 * tabs and line breaks inside a paragraph are kept. Deleted revisions, field codes and the fallback copy of text
 * boxes (`mc:Fallback`, which repeats `mc:Choice`) are left out.
 */
import { Parser } from "htmlparser2";
import { MAX_FILE_BYTES, ReadError } from "../errors";
import { ZipArchive, ZipError } from "../tables/zip";
import { DOCX_BODY } from "./detect";

/** Most a body part may expand to: XML markup around text compresses well, and 4× covers any 50 MB file. */
const MAX_BODY_BYTES = 4 * MAX_FILE_BYTES;

/** Elements whose content is not the document's text. */
const SKIPPED = new Set(["w:delText", "w:instrText", "mc:Fallback", "w:fldData"]);

/** The text of a .docx file, one line per paragraph; throws ReadError for a damaged, encrypted or empty document. */
export function docxText(bytes: Uint8Array, file: string): string {
  let xml: Uint8Array | null;
  try {
    xml = new ZipArchive(bytes).read(DOCX_BODY, MAX_BODY_BYTES);
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    if (error.tooLarge) throw new ReadError("too_large", file, `the Word document is too large: ${error.message}`);
    throw new ReadError("damaged", file, `the Word document is damaged: ${error.message}`);
  }
  if (xml === null) throw new ReadError("damaged", file, "this .docx has no document body (word/document.xml)");
  const text = documentXmlText(new TextDecoder("utf-8").decode(xml));
  if (text.trim() === "") throw new ReadError("empty", file, "the Word document holds no text");
  return text;
}

/** The text of `word/document.xml`: paragraphs as lines. */
export function documentXmlText(xml: string): string {
  const out: string[] = [];
  let skipped = 0;
  let inText = false;
  const newline = () => {
    if (out.length > 0 && out[out.length - 1] !== "\n") out.push("\n");
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipped++;
        if (skipped > 0) return;
        if (name === "w:t") inText = true;
        else if (name === "w:tab") out.push("\t");
        else if (name === "w:br" || name === "w:cr") out.push("\n");
        // A paragraph inside a paragraph (a text box) starts a line of its own.
        else if (name === "w:p") newline();
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipped = Math.max(0, skipped - 1);
        if (skipped > 0) return;
        if (name === "w:t") inText = false;
        else if (name === "w:p") newline();
      },
      ontext(data) {
        if (inText && skipped === 0) out.push(data);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return out
    .join("")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trim();
}
