/**
 * A short work report of our own wording (a real district's name, so that identification has a division to find),
 * and a .docx writer: the fixtures of the PDF, Word and URL tests are generated from these at run time.
 */
import { constants, deflateRawSync } from "node:zlib";

export const REPORT_TITLE = "2024年青岛市市南区人民政府工作报告";

/** Paragraphs of the report: a review with outcomes, a plan with headline and body targets. */
export const REPORT_PARAGRAPHS = [
  REPORT_TITLE,
  "——2024年1月10日在青岛市市南区第十八届人民代表大会第四次会议上",
  "各位代表：",
  "现在，我代表区人民政府向大会报告工作，请予审议，并请区政协委员提出意见。",
  "一、2023年工作回顾",
  "过去一年，面对复杂多变的外部环境，全区上下攻坚克难，经济运行稳中向好。预计全区地区生产总值同比增长5.8%左右，一般公共预算收入完成95.2亿元，同比增长4.1%，城镇新增就业2.6万人。",
  "二、2024年工作安排",
  "今年全区经济社会发展的主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%，城镇新增就业2.5万人以上，城镇登记失业率控制在3%以内，居民人均可支配收入增长与经济增长同步。",
  "围绕上述目标，重点抓好以下工作：新开工重点项目30个，完成固定资产投资120亿元以上，新建口袋公园12处，改造老旧小区40个。",
  "三、全面加强政府自身建设",
  "各位代表，让我们奋发有为，为建设现代化国际大都市中心城区而努力奋斗！",
];

export const REPORT_TEXT = REPORT_PARAGRAPHS.join("\n");

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** An entry already deflated, with the size and checksum its header declares (which may lie, as a bomb's do). */
export interface DeflatedEntry {
  deflated: Uint8Array;
  size: number;
  crc: number;
}

/**
 * A deflate stream that expands to `chunk` repeated `times` times, built from one compressed chunk: cheap to make
 * however large it expands.
 */
export function repeatedDeflate(chunk: string, times: number): Uint8Array {
  const block = deflateRawSync(Buffer.from(chunk, "utf8"), { finishFlush: constants.Z_SYNC_FLUSH });
  const end = deflateRawSync(Buffer.alloc(0));
  return new Uint8Array(Buffer.concat([...new Array<Buffer>(times).fill(block), end]));
}

/** A ZIP archive of these entries, deflated (as Word writes them). */
export function writeZip(entries: Record<string, string | Uint8Array | DeflatedEntry>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const given = typeof content === "object" && "deflated" in content ? content : null;
    const data = given
      ? null
      : typeof content === "string"
        ? Buffer.from(content, "utf8")
        : Buffer.from(content as Uint8Array);
    const packed = given ? Buffer.from(given.deflated) : deflateRawSync(data as Buffer);
    const nameBytes = Buffer.from(name, "utf8");
    const crc = given ? given.crc : crc32(data as Buffer);
    const size = given ? given.size : (data as Buffer).length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * A .docx whose paragraphs are these; a paragraph given as an array is split into runs (as Word splits text where
 * its formatting or spell-checking changes).
 */
export function writeDocx(paragraphs: (string | string[])[], extraBody = ""): Uint8Array {
  const body = paragraphs
    .map((paragraph) => {
      const runs = (Array.isArray(paragraph) ? paragraph : [paragraph])
        .map(
          (run) =>
            `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">${escapeXml(run)}</w:t></w:r>`,
        )
        .join("");
      return `<w:p><w:pPr><w:jc w:val="both"/></w:pPr>${runs}</w:p>`;
    })
    .join("");
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}${extraBody}<w:sectPr/></w:body></w:document>`;
  return writeZip({
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    "word/document.xml": document,
  });
}
