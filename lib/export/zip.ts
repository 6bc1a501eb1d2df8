/**
 * A ZIP archive written as it is produced: each entry is deflated while its content is pulled, its CRC and sizes
 * follow it in a data descriptor (flag bit 3), and the central directory comes last. Nothing is read from the
 * source until the consumer asks for more output, so memory stays at one chunk plus zlib's window.
 *
 * No ZIP64: entries and the archive must stay under 4 GiB (the XLSX writer starts a new sheet long before that).
 * Readers that need ZIP64 to be flagged only when used (Excel among them) are served best by never using it.
 */
import { Readable } from "node:stream";
import { crc32, createDeflateRaw } from "node:zlib";

const LOCAL_SIGNATURE = 0x04034b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const END_SIGNATURE = 0x06054b50;
/** Sizes in a data descriptor, names in UTF-8. */
const FLAGS = 0x0008 | 0x0800;
const DEFLATED = 8;
const VERSION = 20;
const MAX_32 = 0xffffffff;

interface Written {
  name: Buffer;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** MS-DOS time and date of `date` (local time, two-second resolution), as ZIP headers hold them. */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.max(1980, date.getFullYear());
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

export class ZipTooLargeError extends Error {
  constructor(what: string) {
    super(`${what} is larger than 4 GiB, which a ZIP archive without ZIP64 cannot hold`);
    this.name = "ZipTooLargeError";
  }
}

export class ZipWriter {
  private offset = 0;
  private readonly written: Written[] = [];
  private readonly stamp: { time: number; date: number };

  constructor(modified = new Date()) {
    this.stamp = dosDateTime(modified);
  }

  private advance(bytes: number, what: string): void {
    this.offset += bytes;
    if (this.offset > MAX_32) throw new ZipTooLargeError(what);
  }

  /** The bytes of one entry, `content` deflated as it is pulled. */
  async *entry(name: string, content: AsyncIterable<string | Uint8Array> | Iterable<string>): AsyncGenerator<Buffer> {
    const nameBytes = Buffer.from(name, "utf8");
    const offset = this.offset;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_SIGNATURE, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATED, 8);
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    // CRC and sizes (14–25) stay zero here: the data descriptor carries them.
    header.writeUInt16LE(nameBytes.length, 26);
    const local = Buffer.concat([header, nameBytes]);
    this.advance(local.length, "the archive");
    yield local;

    let crc = 0;
    let size = 0;
    async function* measured() {
      for await (const chunk of content) {
        const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
        if (bytes.length === 0) continue;
        crc = crc32(bytes, crc);
        size += bytes.length;
        if (size > MAX_32) throw new ZipTooLargeError(name);
        yield bytes;
      }
    }
    // Readable.from pulls the next chunk only when the deflater wants input, and the deflater only produces while
    // this generator is asked for output: backpressure end to end.
    const source = Readable.from(measured(), { objectMode: false });
    const deflate = createDeflateRaw();
    source.on("error", (error) => deflate.destroy(error));
    source.pipe(deflate);
    let compressedSize = 0;
    try {
      for await (const chunk of deflate as AsyncIterable<Buffer>) {
        compressedSize += chunk.length;
        this.advance(chunk.length, "the archive");
        yield chunk;
      }
    } finally {
      source.destroy();
      deflate.destroy();
    }

    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(DESCRIPTOR_SIGNATURE, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(compressedSize, 8);
    descriptor.writeUInt32LE(size, 12);
    this.advance(descriptor.length, "the archive");
    this.written.push({ name: nameBytes, crc: crc >>> 0, compressedSize, size, offset });
    yield descriptor;
  }

  /** The central directory and its end record: the archive's last bytes. */
  finish(): Buffer {
    const records = this.written.map((entry) => {
      const record = Buffer.alloc(46);
      record.writeUInt32LE(CENTRAL_SIGNATURE, 0);
      record.writeUInt16LE(VERSION, 4);
      record.writeUInt16LE(VERSION, 6);
      record.writeUInt16LE(FLAGS, 8);
      record.writeUInt16LE(DEFLATED, 10);
      record.writeUInt16LE(this.stamp.time, 12);
      record.writeUInt16LE(this.stamp.date, 14);
      record.writeUInt32LE(entry.crc, 16);
      record.writeUInt32LE(entry.compressedSize, 20);
      record.writeUInt32LE(entry.size, 24);
      record.writeUInt16LE(entry.name.length, 28);
      // Extra field, comment, disk number, attributes (30–41): none.
      record.writeUInt32LE(entry.offset, 42);
      return Buffer.concat([record, entry.name]);
    });
    const directory = Buffer.concat(records);
    if (this.offset + directory.length > MAX_32) throw new ZipTooLargeError("the archive");
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_SIGNATURE, 0);
    end.writeUInt16LE(this.written.length, 8);
    end.writeUInt16LE(this.written.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(this.offset, 16);
    this.offset += directory.length + end.length;
    return Buffer.concat([directory, end]);
  }
}
