/**
 * The few ZIP features an .xlsx workbook needs, read synchronously: the central directory, stored and deflated
 * entries. Inflated sizes are capped, so a small archive cannot expand into gigabytes (a "zip bomb").
 */
import { inflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** Why an archive cannot be used; the caller turns it into a ReadError naming the file. */
export class ZipError extends Error {
  constructor(
    message: string,
    /** True when the archive holds more than the caller allows (not a damaged file). */
    readonly tooLarge = false,
  ) {
    super(message);
    this.name = "ZipError";
  }
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED_FLAG = 0x1;
const UTF8_FLAG = 0x800;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export class ZipArchive {
  private readonly view: DataView;
  readonly entries = new Map<string, ZipEntry>();

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const eocd = this.findEndOfCentralDirectory();
    const count = this.view.getUint16(eocd + 10, true);
    const directoryOffset = this.view.getUint32(eocd + 16, true);
    if (count === 0xffff || directoryOffset === 0xffffffff) {
      throw new ZipError("the archive uses ZIP64, which is not supported here; save the workbook again or as .csv");
    }
    let at = directoryOffset;
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || this.view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
        throw new ZipError("the archive's central directory is damaged");
      }
      const flags = this.view.getUint16(at + 8, true);
      const nameLength = this.view.getUint16(at + 28, true);
      const extraLength = this.view.getUint16(at + 30, true);
      const commentLength = this.view.getUint16(at + 32, true);
      const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
      const name = new TextDecoder(flags & UTF8_FLAG ? "utf-8" : "latin1").decode(nameBytes);
      this.entries.set(name, {
        name,
        flags,
        method: this.view.getUint16(at + 10, true),
        compressedSize: this.view.getUint32(at + 20, true),
        size: this.view.getUint32(at + 24, true),
        localHeaderOffset: this.view.getUint32(at + 42, true),
      });
      at += 46 + nameLength + extraLength + commentLength;
    }
  }

  private findEndOfCentralDirectory(): number {
    const last = this.bytes.length - EOCD_SIZE;
    for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
      if (this.view.getUint32(at, true) === EOCD_SIGNATURE) return at;
    }
    throw new ZipError("the archive is truncated or damaged (no central directory)");
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The bytes of entry `name`, or null when there is none; throws ZipError past `maxBytes` or on damage. */
  read(name: string, maxBytes: number): Uint8Array | null {
    const entry = this.entries.get(name);
    if (!entry) return null;
    if (entry.flags & ENCRYPTED_FLAG) throw new ZipError(`${name} is encrypted`);
    if (entry.size > maxBytes) {
      throw new ZipError(`${name} expands to ${entry.size} bytes; the limit is ${maxBytes}`, true);
    }
    const at = entry.localHeaderOffset;
    if (at + 30 > this.bytes.length || this.view.getUint32(at, true) !== LOCAL_SIGNATURE) {
      throw new ZipError(`the archive entry ${name} is damaged`);
    }
    const start = at + 30 + this.view.getUint16(at + 26, true) + this.view.getUint16(at + 28, true);
    const data = this.bytes.subarray(start, start + entry.compressedSize);
    if (data.length < entry.compressedSize) throw new ZipError(`the archive entry ${name} is truncated`);
    if (entry.method === STORED) return data;
    if (entry.method !== DEFLATED)
      throw new ZipError(`${name} uses an unsupported compression (method ${entry.method})`);
    try {
      return new Uint8Array(inflateRawSync(data, { maxOutputLength: maxBytes }));
    } catch (error) {
      if (error instanceof RangeError) {
        throw new ZipError(`${name} expands to more than ${maxBytes} bytes`, true);
      }
      throw new ZipError(`the archive entry ${name} cannot be decompressed`);
    }
  }
}
