/**
 * PDF → text through Mozilla's pdf.js (the `pdfjs-dist` legacy build, which runs on Node 20; its CMaps let it read
 * Chinese fonts that name a predefined encoding such as `UniGB-UCS2-H`). pdf.js is asynchronous, so PDFs are read by
 * `readFileBytesAsync` only. The text layer is taken page by page and laid out by pdf-layout.ts.
 *
 * A hostile PDF is bounded: at most MAX_PDF_PAGES pages, PDF_TIMEOUT_MS of reading (checked between pages and while
 * pdf.js works, whose parser yields to the event loop), MAX_PDF_TEXT_CHARS characters of text; scripts are never
 * evaluated and fonts are not loaded into the process. A password, a damaged file or a page without text ends in a
 * ReadError, never a crash or a hang.
 */
import path from "node:path";
import { ReadError } from "../errors";
import { layoutText, type PdfPageRuns, type PdfRun } from "./pdf-layout";

export const MAX_PDF_PAGES = 2000;
export const PDF_TIMEOUT_MS = 60_000;
/** Far above any report (a few hundred thousand characters), far below what would strain memory. */
export const MAX_PDF_TEXT_CHARS = 20_000_000;
/** Fewer readable characters than this per page on average: the pages are images (a scan). */
const MIN_CHARS_PER_PAGE = 10;

export interface PdfReadLimits {
  maxPages?: number;
  timeoutMs?: number;
}

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let pdfjs: Promise<PdfJs> | undefined;
/** Loaded on first use: the CLI's other commands and the synchronous reader never pay for it. */
const loadPdfJs = () => {
  pdfjs ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  return pdfjs;
};

/**
 * Where Node resolves pdf.js at run time. `createRequire` is taken from the built-in module at run time: a bundler
 * (the Next.js build) would turn a `require.resolve` it can see into a module id, not a path.
 */
function pdfJsRoot(): string {
  const { createRequire } = process.getBuiltinModule("node:module");
  return path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
}

/** pdf.js's data directories (CMaps, the standard fonts' metrics), found next to its package. */
function dataDirectories(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = pdfJsRoot();
  // pdf.js in Node reads these with fs, by path (not `file:` URLs), ending with a separator.
  return {
    cMapUrl: `${path.join(root, "cmaps")}${path.sep}`,
    standardFontDataUrl: `${path.join(root, "standard_fonts")}${path.sep}`,
  };
}

/** Readable characters: letters, digits and CJK, not private-use glyph codes of a font without a Unicode map. */
function readableChars(text: string): number {
  return text.match(/[\p{L}\p{N}]/gu)?.filter((char) => !/[\ue000-\uf8ff]/.test(char)).length ?? 0;
}

class PdfTimeout extends Error {}

/** The text of a PDF, laid out page by page; throws ReadError for a scan, a password, damage or a bound passed. */
export async function pdfText(bytes: Uint8Array, file: string, limits: PdfReadLimits = {}): Promise<string> {
  const maxPages = limits.maxPages ?? MAX_PDF_PAGES;
  const timeoutMs = limits.timeoutMs ?? PDF_TIMEOUT_MS;
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    // pdf.js takes ownership of (and detaches) the buffer it is given, and refuses a Buffer: a plain copy.
    data: new Uint8Array(bytes),
    ...dataDirectories(),
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = Date.now() + timeoutMs;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PdfTimeout()), timeoutMs);
  });
  const read = async (): Promise<PdfPageRuns[]> => {
    const document = await task.promise;
    if (document.numPages > maxPages) {
      throw new ReadError("too_large", file, `the PDF has ${document.numPages} pages; the limit is ${maxPages} pages`, {
        pages: document.numPages,
        limit: maxPages,
      });
    }
    const pages: PdfPageRuns[] = [];
    let chars = 0;
    for (let number = 1; number <= document.numPages; number++) {
      if (Date.now() > deadline) throw new PdfTimeout();
      const page = await document.getPage(number);
      const [, , width, height] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const runs: PdfRun[] = [];
      for (const item of content.items) {
        if (!("str" in item) || item.str === "") continue;
        const [a, b, c, d, x, y] = item.transform as number[];
        // Rotated or skewed text is a watermark or a stamp, not the report's text.
        if (Math.abs(b ?? 0) > 1e-3 || Math.abs(c ?? 0) > 1e-3 || (a ?? 0) <= 0) continue;
        chars += item.str.length;
        runs.push({ text: item.str, x: x ?? 0, y: y ?? 0, width: item.width, size: Math.abs(d ?? item.height) });
      }
      if (chars > MAX_PDF_TEXT_CHARS) {
        throw new ReadError("too_large", file, `the PDF holds more than ${MAX_PDF_TEXT_CHARS} characters of text`);
      }
      pages.push({ width, height, runs });
      page.cleanup();
    }
    return pages;
  };
  let pages: PdfPageRuns[];
  try {
    const reading = read();
    // A read the timeout overtook rejects later, once destroyed: nobody waits for it then.
    reading.catch(() => undefined);
    pages = await Promise.race([reading, timedOut]);
  } catch (error) {
    throw pdfError(error, file, timeoutMs);
  } finally {
    clearTimeout(timer);
    // Frees pdf.js's parser and worker state; also stops a read still running after a timeout.
    await task.destroy().catch(() => undefined);
  }
  const text = layoutText(pages);
  const readable = readableChars(text);
  if (readable < Math.max(1, pages.length) * MIN_CHARS_PER_PAGE) {
    const what = readable === 0 ? "holds no text" : "holds almost no text";
    throw new ReadError(
      "no_text_layer",
      file,
      `the PDF ${what}: it looks like a scan (pages as images); run OCR on it first, or find a text version`,
      { pages: pages.length },
    );
  }
  return text;
}

function pdfError(error: unknown, file: string, timeoutMs: number): unknown {
  if (error instanceof ReadError) return error;
  if (error instanceof PdfTimeout) {
    return new ReadError("timeout", file, `reading the PDF took longer than ${timeoutMs / 1000} s; it was stopped`, {
      seconds: timeoutMs / 1000,
    });
  }
  const name = error instanceof Error ? error.name : "";
  if (name === "PasswordException") {
    return new ReadError("encrypted", file, "the PDF is password-protected; save an unprotected copy and import that");
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new ReadError("damaged", file, `the PDF cannot be read (damaged or not a PDF): ${detail}`);
}
