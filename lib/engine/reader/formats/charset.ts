/**
 * Decoding with the encoding a transport declared (an HTTP `Content-Type` charset, a page's `<meta charset>`): the
 * declared label is tried first, strictly, then the reader's own detection (text/decode.ts) as for any file. Government
 * sites declare `gb2312` or `gbk` for pages in GB18030's superset: the GB family is decoded as GB18030.
 */
import { type DecodedText, decodeBytes } from "../text/decode";

const GB_FAMILY = new Set(["gb2312", "gbk", "x-gbk", "gb18030", "csgb2312", "chinese", "iso-ir-58", "cp936", "ms936"]);

const BOMS = [
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
];

/** The WHATWG label of a declared charset, or null when the platform does not know it. */
export function charsetLabel(declared: string): string | null {
  const name = declared.trim().toLowerCase();
  if (GB_FAMILY.has(name)) return "gb18030";
  try {
    return new TextDecoder(name).encoding;
  } catch {
    return null;
  }
}

/** Decode bytes, trusting a declared charset where the bytes are valid in it (a byte-order mark still wins). */
export function decodeDeclared(bytes: Uint8Array, file: string, declared: string | undefined): DecodedText {
  const label = declared ? charsetLabel(declared) : null;
  const bom = BOMS.some((marks) => marks.every((b, i) => bytes[i] === b));
  if (label === null || bom) return decodeBytes(bytes, file);
  let text: string;
  try {
    text = new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    // Declared wrongly (a UTF-8 page that says gbk happens): detection decides.
    return decodeBytes(bytes, file);
  }
  // The file checks (empty, binary, NUL bytes) run on the text as they would on a UTF-8 file.
  const checked = decodeBytes(new TextEncoder().encode(text), file);
  return { text: checked.text, encoding: label };
}
