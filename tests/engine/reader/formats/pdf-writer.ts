/**
 * A minimal PDF writer for test fixtures: text placed at given positions on A4 pages, in a Type0 font with
 * Identity-H encoding (a glyph's code is its BMP code point) and a ToUnicode map back to the same code point. The
 * font program is not embedded: a reader takes the text from ToUnicode, which is all a text layer needs. Also pages
 * that hold only an image (a scan), an /Encrypt dictionary, and anything else a test wants in a page's content.
 */

/** One run of text: its baseline starts at (x, y) in points from the bottom left of an A4 page (595 × 842). */
export interface PdfText {
  x: number;
  y: number;
  text: string;
  size?: number;
}

export interface PdfPage {
  texts?: PdfText[];
  /** Draw a small grey image over the page (a scanned page holds nothing else). */
  image?: boolean;
}

export interface PdfOptions {
  /** Add an /Encrypt dictionary whose empty user password does not open the file. */
  encrypted?: boolean;
  /**
   * `UniGB-UCS2-H`: the font names Adobe's predefined Chinese encoding and has no ToUnicode map (as PDFs set in a
   * non-embedded 宋体 do); a reader needs the CMap files to take text out of it.
   */
  encoding?: "Identity-H" | "UniGB-UCS2-H";
}

export const A4 = { width: 595, height: 842 } as const;

const hex4 = (code: number) => code.toString(16).toUpperCase().padStart(4, "0");

function utf16Hex(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code > 0xffff) throw new Error(`the fixture writer takes BMP characters only: ${char}`);
    out += hex4(code);
  }
  return out;
}

/** ToUnicode map: every code maps to itself, one range per high byte (ranges must not cross one). */
function toUnicodeCMap(): string {
  const ranges: string[] = [];
  for (let high = 0; high < 0x100; high++) {
    if (high >= 0xd8 && high <= 0xdf) continue;
    ranges.push(`<${hex4(high << 8)}> <${hex4((high << 8) | 0xff)}> <${hex4(high << 8)}>`);
  }
  const blocks: string[] = [];
  for (let i = 0; i < ranges.length; i += 100) {
    const chunk = ranges.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfrange\n${chunk.join("\n")}\nendbfrange`);
  }
  return [
    "/CIDInit /ProcSet findresource begin",
    "12 dict begin",
    "begincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
    "/CMapName /Identity-UCS def",
    "/CMapType 2 def",
    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange",
    ...blocks,
    "endcmap",
    "CMapName currentdict /CMap defineresource pop",
    "end",
    "end",
  ].join("\n");
}

function pageContent(page: PdfPage): string {
  const parts: string[] = [];
  if (page.image) parts.push("q 500 0 0 700 40 70 cm /Im1 Do Q");
  for (const run of page.texts ?? []) {
    const size = run.size ?? 12;
    parts.push(`BT /F1 ${size} Tf 1 0 0 1 ${run.x} ${run.y} Tm <${utf16Hex(run.text)}> Tj ET`);
  }
  return parts.join("\n");
}

/** The bytes of a PDF with these pages. */
export function writePdf(pages: PdfPage[], options: PdfOptions = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const stream = (dict: string, data: string) =>
    `<< ${dict} /Length ${Buffer.byteLength(data, "latin1")} >>\nstream\n${data}\nendstream`;

  const catalog = add("");
  const pagesId = add("");
  const predefined = options.encoding === "UniGB-UCS2-H";
  const toUnicode = add(stream("", toUnicodeCMap()));
  const descriptor = add(
    "<< /Type /FontDescriptor /FontName /LuoshiTestSong /Flags 6 /FontBBox [0 -120 1000 880] /ItalicAngle 0 " +
      "/Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
  );
  const cidFont = add(
    `<< /Type /Font /Subtype /${predefined ? "CIDFontType0" : "CIDFontType2"} /BaseFont /LuoshiTestSong ` +
      `/CIDSystemInfo << /Registry (Adobe) /Ordering (${predefined ? "GB1" : "Identity"}) /Supplement ${predefined ? 2 : 0} >> ` +
      `/FontDescriptor ${descriptor} 0 R /DW 1000${predefined ? "" : " /CIDToGIDMap /Identity"} >>`,
  );
  const font = add(
    `<< /Type /Font /Subtype /Type0 /BaseFont /LuoshiTestSong /Encoding /${predefined ? "UniGB-UCS2-H" : "Identity-H"} ` +
      `/DescendantFonts [${cidFont} 0 R]${predefined ? "" : ` /ToUnicode ${toUnicode} 0 R`} >>`,
  );
  // A 4 × 4 grey image, as a scanner's page would be (only much smaller).
  const image = add(
    stream(
      "/Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8",
      "\x80".repeat(16),
    ),
  );
  const pageIds: number[] = [];
  for (const page of pages) {
    const content = add(stream("", pageContent(page)));
    pageIds.push(
      add(
        `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${A4.width} ${A4.height}] /Contents ${content} 0 R ` +
          `/Resources << /Font << /F1 ${font} 0 R >> /XObject << /Im1 ${image} 0 R >> >> >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R >>`;
  objects[pagesId - 1] =
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pageIds.length} >>`;
  const encrypt = options.encrypted
    ? add(`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <${"ab".repeat(32)}> /U <${"cd".repeat(32)}> >>`)
    : null;

  let out = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  const id = `<${"0123456789abcdef".repeat(2)}>`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /ID [${id} ${id}]${encrypt ? ` /Encrypt ${encrypt} 0 R` : ""} >>\n`;
  out += `startxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

/**
 * Lay out paragraphs of Chinese text on pages as a word processor would: `perLine` characters a line, lines 20 points
 * apart, a paragraph's first line indented by two characters, a new page when one is full. Each page gets a running
 * header and a `— n —` page number when asked.
 */
export function layoutPages(
  paragraphs: string[],
  options: { perLine?: number; linesPerPage?: number; header?: string; pageNumbers?: boolean } = {},
): PdfPage[] {
  const perLine = options.perLine ?? 30;
  const linesPerPage = options.linesPerPage ?? 34;
  const size = 14;
  const left = 72;
  const lines: { text: string; indent: boolean }[] = [];
  for (const paragraph of paragraphs) {
    const chars = [...paragraph];
    let first = true;
    while (chars.length > 0) {
      const room = first ? perLine - 2 : perLine;
      lines.push({ text: chars.splice(0, room).join(""), indent: first });
      first = false;
    }
  }
  const pages: PdfPage[] = [];
  for (let start = 0; start < lines.length; start += linesPerPage) {
    const number = pages.length + 1;
    const texts: PdfText[] = lines.slice(start, start + linesPerPage).map((line, index) => ({
      x: left + (line.indent ? 2 * size : 0),
      y: 760 - index * 20,
      text: line.text,
      size,
    }));
    if (options.header) texts.unshift({ x: 200, y: 800, text: options.header, size: 10 });
    if (options.pageNumbers) texts.push({ x: 280, y: 40, text: `— ${number} —`, size: 10 });
    pages.push({ texts });
  }
  return pages;
}
