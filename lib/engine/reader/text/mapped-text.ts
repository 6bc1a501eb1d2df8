/**
 * Text that remembers where each of its characters came from, so that every rewrite of normalisation can be undone
 * when evidence is shown "as written".
 */
export class MappedText {
  /**
   * @param text the current text
   * @param origin `origin[i]` is the offset in the original text of `text[i]`; `origin[text.length]` is the end of
   *   the original text, so that an end offset maps too.
   */
  constructor(
    readonly text: string,
    readonly origin: Int32Array,
  ) {}

  static identity(text: string, originStart = 0): MappedText {
    const origin = new Int32Array(text.length + 1);
    for (let i = 0; i <= text.length; i++) origin[i] = originStart + i;
    return new MappedText(text, origin);
  }

  /** Offset in the original text of offset `offset` of this text (clamped to the text). */
  toOriginal(offset: number): number {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    return this.origin[clamped] ?? 0;
  }

  slice(start: number, end: number): MappedText {
    return new MappedText(this.text.slice(start, end), this.origin.slice(start, end + 1));
  }
}

/** One piece of a rewritten text: either kept from the source (`from`..`to`) or inserted with a fixed origin. */
type Piece = { kind: "keep" | "insert"; from: number; to: number; text: string };

/** Collects pieces of a rewrite and builds the new MappedText with a composed origin map. */
export class MappedTextBuilder {
  private readonly pieces: Piece[] = [];
  private length = 0;

  constructor(private readonly source: MappedText) {}

  keep(from: number, to: number): void {
    if (to <= from) return;
    this.pieces.push({ kind: "keep", from, to, text: "" });
    this.length += to - from;
  }

  /**
   * Insert `text` in place of source range `from`..`to`. When the lengths agree each character keeps its own origin
   * (a character-for-character substitution); otherwise every inserted character points at the range's start.
   */
  replace(from: number, to: number, text: string): void {
    if (text.length === 0) return;
    this.pieces.push({ kind: "insert", from, to, text });
    this.length += text.length;
  }

  build(): MappedText {
    const origin = new Int32Array(this.length + 1);
    const parts: string[] = [];
    let cursor = 0;
    const sourceOrigin = this.source.origin;
    const sourceText = this.source.text;
    let lastEnd = sourceOrigin[0] ?? 0;
    for (const piece of this.pieces) {
      if (piece.kind === "keep") {
        parts.push(sourceText.slice(piece.from, piece.to));
        origin.set(sourceOrigin.subarray(piece.from, piece.to), cursor);
        cursor += piece.to - piece.from;
        lastEnd = sourceOrigin[piece.to] ?? lastEnd;
      } else {
        parts.push(piece.text);
        const sameLength = piece.text.length === piece.to - piece.from;
        for (let i = 0; i < piece.text.length; i++) {
          origin[cursor + i] = sourceOrigin[piece.from + (sameLength ? i : 0)] ?? lastEnd;
        }
        cursor += piece.text.length;
        lastEnd = sourceOrigin[piece.to] ?? lastEnd;
      }
    }
    origin[cursor] = this.pieces.length === 0 ? (sourceOrigin[sourceText.length] ?? 0) : lastEnd;
    return new MappedText(parts.join(""), origin);
  }
}

/**
 * Rewrite every match of `pattern` (which must be global) with `replacer`'s result; an empty result deletes the
 * match, the match itself keeps it. Returns the source unchanged when nothing changed.
 */
export function rewrite(source: MappedText, pattern: RegExp, replacer: (match: RegExpExecArray) => string): MappedText {
  pattern.lastIndex = 0;
  const builder = new MappedTextBuilder(source);
  let changed = false;
  let cursor = 0;
  for (let match = pattern.exec(source.text); match; match = pattern.exec(source.text)) {
    if (match[0].length === 0) pattern.lastIndex++;
    const replacement = replacer(match);
    if (replacement === match[0]) continue;
    const start = match.index;
    builder.keep(cursor, start);
    builder.replace(start, start + match[0].length, replacement);
    cursor = start + match[0].length;
    changed = true;
  }
  if (!changed) return source;
  builder.keep(cursor, source.text.length);
  return builder.build();
}

const UTF16 = new TextDecoder("utf-16le");

function hasSurrogate(codes: Uint16Array): boolean {
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] as number;
    if (code >= 0xd800 && code <= 0xdfff) return true;
  }
  return false;
}

/**
 * Writes a new text one UTF-16 code unit at a time, each with its offset in the original text, into growable typed
 * buffers: no string per character, no intermediate maps. Normalisation appends every character it keeps here in
 * one pass over the source and builds the MappedText once.
 */
export class MappedTextWriter {
  private codes: Uint16Array;
  private origins: Int32Array;
  private size = 0;

  constructor(capacity: number) {
    this.codes = new Uint16Array(Math.max(16, capacity));
    this.origins = new Int32Array(Math.max(16, capacity) + 1);
  }

  get length(): number {
    return this.size;
  }

  /** The code unit at `index`, or -1 outside the text written so far. */
  codeAt(index: number): number {
    return index >= 0 && index < this.size ? (this.codes[index] as number) : -1;
  }

  /** The last code unit written, or -1 before the first. */
  last(): number {
    return this.size > 0 ? (this.codes[this.size - 1] as number) : -1;
  }

  push(code: number, origin: number): void {
    if (this.size === this.codes.length) this.grow();
    this.codes[this.size] = code;
    this.origins[this.size] = origin;
    this.size++;
  }

  /** Forget everything written after the first `length` code units. */
  truncate(length: number): void {
    this.size = Math.max(0, Math.min(length, this.size));
  }

  /** The text written, with `end` as the original offset of its end. */
  build(end: number): MappedText {
    const origin = this.origins.slice(0, this.size + 1);
    origin[this.size] = end;
    const codes = this.codes.subarray(0, this.size);
    if (!hasSurrogate(codes)) return new MappedText(UTF16.decode(codes), origin);
    // Lone surrogates would become U+FFFD in a decoder: copy code units as they are.
    const parts: string[] = [];
    const CHUNK = 8192;
    for (let start = 0; start < this.size; start += CHUNK) {
      const chunk = this.codes.subarray(start, Math.min(this.size, start + CHUNK));
      parts.push(String.fromCharCode.apply(null, chunk as unknown as number[]));
    }
    return new MappedText(parts.join(""), origin);
  }

  private grow(): void {
    const codes = new Uint16Array(this.codes.length * 2);
    codes.set(this.codes);
    this.codes = codes;
    const origins = new Int32Array(codes.length + 1);
    origins.set(this.origins);
    this.origins = origins;
  }
}
