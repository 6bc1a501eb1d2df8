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
