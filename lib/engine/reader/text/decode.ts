/**
 * Bytes → text. Reports arrive as UTF-8, GB18030/GBK (as many government sites serve them) or UTF-16 with a BOM
 * (as Windows tools save them). Detection: byte-order mark, then strict UTF-8, then chardet's statistics; decoding
 * uses the platform's TextDecoder, with iconv-lite for encodings the platform lacks.
 */
import chardet from "chardet";
import iconv from "iconv-lite";
import { MAX_FILE_BYTES, ReadError, tooLargeError } from "../errors";

export interface DecodedText {
  text: string;
  /** WHATWG label of the encoding used, e.g. "utf-8", "gb18030", "utf-16le". */
  encoding: string;
}

/** Signatures of common binary formats somebody may pick by mistake (images, PDF, archives, executables). */
const BINARY_SIGNATURES: { name: string; bytes: number[] }[] = [
  { name: "PNG image", bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: "JPEG image", bytes: [0xff, 0xd8, 0xff] },
  { name: "GIF image", bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: "PDF document", bytes: [0x25, 0x50, 0x44, 0x46] },
  { name: "ZIP archive (or .docx/.xlsx)", bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: "legacy Office document", bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { name: "executable", bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: "gzip archive", bytes: [0x1f, 0x8b] },
];

const BOMS: { encoding: string; bytes: number[] }[] = [
  { encoding: "utf-8", bytes: [0xef, 0xbb, 0xbf] },
  { encoding: "utf-16le", bytes: [0xff, 0xfe] },
  { encoding: "utf-16be", bytes: [0xfe, 0xff] },
];

/** chardet names → the label we decode with. The GB family is decoded as GB18030, its superset. */
const CHARDET_TO_LABEL: Record<string, string> = {
  "UTF-8": "utf-8",
  GB18030: "gb18030",
  Big5: "big5",
  "UTF-16LE": "utf-16le",
  "UTF-16BE": "utf-16be",
};

/** Share of control characters above which decoded "text" is really binary data. */
const MAX_CONTROL_SHARE = 0.01;
/** How many bytes chardet looks at: enough for its statistics, cheap on large files. */
const DETECTION_SAMPLE = 64 * 1024;

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

function decodeStrict(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (error) {
    if (error instanceof RangeError && iconv.encodingExists(label)) {
      // The platform lacks this label (small-ICU builds): iconv-lite marks bad sequences with U+FFFD instead.
      const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), label);
      return text.includes("\uFFFD") ? null : text;
    }
    return null;
  }
}

function controlShare(text: string): number {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f) controls++;
  }
  return text.length === 0 ? 0 : controls / text.length;
}

/** Decode a file's bytes, or throw a ReadError naming `file`. */
export function decodeBytes(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length > MAX_FILE_BYTES) {
    throw tooLargeError(file, bytes.length);
  }
  if (bytes.length === 0) throw new ReadError("empty", file, "the file is empty");
  const signature = BINARY_SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (signature) throw new ReadError("binary", file, `this is a ${signature.name}, not a text file`);

  const decoded = detectAndDecode(bytes, file);
  if (decoded.text.trim().length === 0) throw new ReadError("empty", file, "the file holds only blank characters");
  if (controlShare(decoded.text) > MAX_CONTROL_SHARE) {
    throw new ReadError("binary", file, "the file holds binary data, not text");
  }
  // A stray NUL in text is noise, and PostgreSQL cannot store it: dropped before any offset is taken.
  return decoded.text.includes("\u0000") ? { ...decoded, text: decoded.text.replaceAll("\u0000", "") } : decoded;
}

/**
 * Share of a UTF-16 text's NUL bytes that must sit on one side of each code unit for it to be taken as such: not all,
 * since CJK characters such as 一 (U+4E00) have a NUL low byte.
 */
const UTF16_NUL_PARITY = 0.8;
/** Share of the decoded characters that must be CJK, ASCII or common punctuation (garbage decodes to anything). */
const UTF16_READABLE_SHARE = 0.9;

/**
 * UTF-16 saved without a byte-order mark. Its ASCII characters (digits, `%`, line breaks) carry a NUL high byte, always
 * on the same side of each two-byte unit (odd offsets little-endian, even big-endian), while binary data scatters NULs
 * anywhere; the decoded text must then read as Chinese.
 */
function utf16WithoutBom(bytes: Uint8Array, sample: Uint8Array): DecodedText | null {
  if (bytes.length % 2 !== 0) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? even++ : odd++;
  const label =
    odd >= UTF16_NUL_PARITY * (even + odd) ? "utf-16le" : even >= UTF16_NUL_PARITY * (even + odd) ? "utf-16be" : null;
  if (label === null) return null;
  const text = decodeStrict(bytes, label);
  if (text === null || readableShare(text.slice(0, DETECTION_SAMPLE)) < UTF16_READABLE_SHARE) return null;
  return { text, encoding: label };
}

function readableShare(text: string): number {
  let readable = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const ascii = code >= 0x20 && code < 0x7f;
    const space = code === 0x09 || code === 0x0a || code === 0x0d;
    const cjk =
      (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef);
    if (ascii || space || cjk) readable++;
  }
  return text.length === 0 ? 0 : readable / text.length;
}

function detectAndDecode(bytes: Uint8Array, file: string): DecodedText {
  const bom = BOMS.find((b) => startsWith(bytes, b.bytes));
  if (bom) {
    const text = decodeStrict(bytes, bom.encoding);
    if (text === null)
      throw new ReadError(
        "undecodable",
        file,
        `the file starts with a ${bom.encoding} byte-order mark but is not valid ${bom.encoding}`,
      );
    return { text, encoding: bom.encoding };
  }
  const sample = bytes.subarray(0, DETECTION_SAMPLE);
  const hasNul = sample.includes(0);
  const utf16 = hasNul ? utf16WithoutBom(bytes, sample) : null;
  if (utf16) return utf16;
  const utf8 = decodeStrict(bytes, "utf-8");
  if (utf8 !== null) return { text: utf8, encoding: "utf-8" };
  if (hasNul) {
    throw new ReadError("binary", file, "the file holds binary data (NUL bytes), not text");
  }
  const candidates = chardet
    .analyse(bytes.subarray(0, DETECTION_SAMPLE))
    .map((match) => CHARDET_TO_LABEL[match.name])
    .filter((label): label is string => label !== undefined && label !== "utf-8");
  // GB18030 is tried last in any case: it is what Chinese files that are not UTF-8 are, in practice.
  for (const label of [...new Set([...candidates, "gb18030"])]) {
    const text = decodeStrict(bytes, label);
    if (text !== null) return { text, encoding: label };
  }
  throw new ReadError(
    "undecodable",
    file,
    "the bytes are neither valid UTF-8 nor GB18030 (nor any encoding detected); save the file as UTF-8",
  );
}
