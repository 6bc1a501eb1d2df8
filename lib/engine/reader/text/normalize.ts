/**
 * Normalisation: the text every later stage reads, with a map back to the original (see MappedText).
 *
 * One pass over the source, line by line and character by character, applies every rule at each position and appends
 * what it keeps to one MappedTextWriter, so each normalised character carries its original offset and the map is
 * built once. Per character: traditional → simplified (opencc, line by line where a line holds a traditional
 * character), full-width digits, letters and `％` folded, then the rules below, looked up by character class. A small
 * pre-scan measures line widths to tell hard-wrapped text (a PDF flattened line by line) from paragraphs.
 *
 * The rules keep the order semantics of the former step-by-step pipeline: a pinyin annotation is recognised on the
 * converted text, footnote markers and spam tokens are judged after folding, spaces are unified around what remains,
 * and whether a line break is kept is decided last, between the characters actually kept on either side of it
 * (after page numbers, timestamps and spam around it have gone).
 */
import { ConverterFactory } from "opencc-js/core";
import * as OpenCCLocale from "opencc-js/preset";
import { type MappedText, MappedTextWriter, rewrite } from "./mapped-text";

const CJK_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/;

// ---------------------------------------------------------------------------------------------------------------
// Character classes: one table lookup per character.

const CJK = 1;
/** Horizontal whitespace: dropped, or one space between Latin words. */
const SPACE = 2;
/** Zero-width and soft-hyphen characters: dropped. */
const INVISIBLE = 4;
/** May start a rule (brackets, page markers, decimal points, `?`, Latin letters, digits, junk symbols). */
const RULE = 8;
/** CJK and full-width punctuation. */
const CJK_PUNCT = 16;
/** Ends a sentence or a clause: a line that ends with it is not a line cut by wrapping. */
const TERMINAL = 32;
/** ASCII letters and digits. */
const WORD = 64;
/** Part of a Latin/digit token (letters, digits and the symbols spam tokens and real terms are made of). */
const TOKEN = 128;
/** A character opencc converts (set when the converter is first built): its line is read converted. */
const TRADITIONAL = 256;
/** Characters the copy loop hands to the rules. */
const SPECIAL = SPACE | INVISIBLE | RULE | TRADITIONAL;

const CLASS = new Uint16Array(0x10000);

function flag(chars: string, bits: number): void {
  for (let i = 0; i < chars.length; i++) CLASS[chars.charCodeAt(i)] = (CLASS[chars.charCodeAt(i)] as number) | bits;
}
function flagRange(from: number, to: number, bits: number): void {
  for (let c = from; c <= to; c++) CLASS[c] = (CLASS[c] as number) | bits;
}

flagRange(0x3400, 0x9fff, CJK);
flagRange(0xf900, 0xfaff, CJK);
flagRange(0x3000, 0x303f, CJK_PUNCT);
flagRange(0xff01, 0xff0f, CJK_PUNCT);
flagRange(0xff1a, 0xff20, CJK_PUNCT);
flagRange(0xff3b, 0xff40, CJK_PUNCT);
flagRange(0xff5b, 0xff65, CJK_PUNCT);
flag("\u2014\u2015\u2018\u2019\u201c\u201d\u2026\u00b7\u300a\u300b", CJK_PUNCT);
flag(" \t\f\v\u00a0\u1680\u202f\u205f\u3000", SPACE);
flagRange(0x2000, 0x200a, SPACE);
flag("\u200b\u200c\u200d\u2060\ufeff\u00ad", INVISIBLE);
flagRange(0x30, 0x39, WORD | TOKEN | RULE);
flagRange(0x41, 0x5a, WORD | TOKEN | RULE);
flagRange(0x61, 0x7a, WORD | TOKEN | RULE);
/** Symbols seen inside spam tokens (`LsMq&a-j2`, `{k7Nw`) and real terms (`R&D`, `PM2.5`, `Wi-Fi`, `B/S`). */
flag("&@#$%^*{}<>|~`_=+-/\\.'!", TOKEN);
/** ASCII punctuation and symbols may start junk after Chinese text at a line end (`。 )5diX`). */
flagRange(0x21, 0x2f, RULE);
flagRange(0x3a, 0x40, RULE);
flagRange(0x5b, 0x60, RULE);
flagRange(0x7b, 0x7e, RULE);
flag("(（[［〔【第共．。?", RULE);
flag("。！？；：…!?;:", TERMINAL);

const is = (code: number, bits: number): boolean => code >= 0 && ((CLASS[code] as number) & bits) !== 0;
const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;
const isLetter = (code: number): boolean => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
const isLower = (code: number): boolean => code >= 0x61 && code <= 0x7a;

/** Full-width digits, Latin letters and `％` → ASCII (one code unit each, so offsets keep). */
function fold(code: number): number {
  if (code < 0xff05 || code > 0xff5a) return code;
  if (code === 0xff05 || (code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || code >= 0xff41) {
    return code - 0xfee0;
  }
  return code;
}

// ---------------------------------------------------------------------------------------------------------------
// Traditional → simplified (opencc). A line that holds a traditional character is converted whole (opencc's phrase
// rules see the context); when a phrase rule changed the line's length, each character is converted on its own.

interface TraditionalToSimplified {
  convert: (text: string) => string;
  /** Flags the code units opencc converts as single characters, for a fast scan of text that has none. */
  isTraditional: Uint8Array;
  /** Simplified form of a single traditional code unit, 0 where it has none of one code unit. */
  simplified: Uint16Array;
  /** Simplified forms longer than one code unit (characters outside the BMP). */
  simplifiedLong: Map<number, string>;
}

let traditionalToSimplified: TraditionalToSimplified | null = null;

/** opencc's traditional→simplified converter and its character table (built once, on first use). */
function openccTraditional(): TraditionalToSimplified {
  if (!traditionalToSimplified) {
    const dictGroups = OpenCCLocale.to.cn ?? [];
    const convert = ConverterFactory(dictGroups);
    const isTraditional = new Uint8Array(0x10000);
    const simplified = new Uint16Array(0x10000);
    const simplifiedLong = new Map<number, string>();
    for (const group of dictGroups) {
      for (const dict of group) {
        const entries = typeof dict === "string" ? dict.split("|").map((pair) => pair.split(" ")) : dict;
        for (const [from] of entries) {
          if (from?.length !== 1) continue;
          const code = from.charCodeAt(0);
          if (isTraditional[code] === 1) continue;
          isTraditional[code] = 1;
          CLASS[code] = (CLASS[code] as number) | TRADITIONAL;
          const to = convert(from);
          if (to.length === 1) simplified[code] = to.charCodeAt(0);
          else simplifiedLong.set(code, to);
        }
      }
    }
    traditionalToSimplified = { convert, isTraditional, simplified, simplifiedLong };
  }
  return traditionalToSimplified;
}

// ---------------------------------------------------------------------------------------------------------------
// Latin/digit tokens glued into Chinese text: real terms are kept, spam is dropped.

/**
 * Latin terms with lower-case letters that real reports write inside Chinese text and that do not look like words
 * (`[A-Z]?[a-z]{2,}` segments) or acronyms. Compared in lower case.
 */
const ALLOWED_TERMS = new Set(
  (
    "iPhone iPad iOS macOS eVTOL mRNA pH WiFi Wi-Fi WeChat WeGame QQ e-commerce e-CNY eSIM iCloud vivo " +
    "PaaS SaaS IaaS MaaS DaaS O2O B2B B2C C2M P2P M2M A2A e t x"
  )
    .split(" ")
    .map((term) => term.toLowerCase()),
);
/** Units written in Latin letters after a number (`1000kV`, `5km`, `100Mbps`). */
const LATIN_UNITS = new Set(
  (
    "km km2 m m2 m3 cm mm nm um kg g mg t kt mt ha l ml kl h s min kv kw kwh mw mwh gw gwh tw twh mpa kpa hz mhz " +
    "ghz mbps gbps tbps kb mb gb tb pb ppm ppb lux"
  ).split(" "),
);
const NUMBER_WITH_UNIT = /^\d+(?:\.\d+)?([a-z][a-z0-9]*)$/i;
/** Words and acronyms: `Mate60`, `DeepSeek`, `ChatGPT`, `app`, `HarmonyOS`. */
const WORD_LIKE = /^(?:[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]{2,})+[0-9]*$/;
const URL_LIKE = /^(?:https?:|www\.)|\.(?:com|cn|net|org|gov|edu)\b|@\w+\./i;
/** Symbols that no real term glued into Chinese text carries (with letters). */
const JUNK_SYMBOL = /[{}<>|\\^`~*$#]/;
const EDGE_PUNCTUATION = /^[,.;:!?'"]+|[,.;:!?'"]+$/g;

/** Redacted figures of templates: `20xx`, `xxx`, `x.x`. */
const REDACTED = /^[0-9xX]+$/;
/** A number with one letter: `3d`, `5g`, `4k` (not a letter then digits: `k8` is a spam tag). */
const NUMBER_LETTER = /^\d+[a-z]$/i;
/** Typed `l` for `1` and `o` for `0` in a code (`HlN1`): with no other lower case, the token is a code. */
const TYPO_LOWER = /[lo]/g;

function legitPart(part: string): boolean {
  if (part === "" || !/[a-z]/.test(part.replace(TYPO_LOWER, ""))) return true;
  const lower = part.toLowerCase();
  if (part.length === 1 || ALLOWED_TERMS.has(lower) || LATIN_UNITS.has(lower)) return true;
  if (REDACTED.test(part) || NUMBER_LETTER.test(part)) return true;
  const unit = NUMBER_WITH_UNIT.exec(part);
  if (unit) return LATIN_UNITS.has((unit[1] as string).toLowerCase());
  return WORD_LIKE.test(part);
}

function balanced(token: string): boolean {
  let round = 0;
  let square = 0;
  for (const ch of token) {
    if (ch === "(") round++;
    else if (ch === ")" && --round < 0) return false;
    else if (ch === "[") square++;
    else if (ch === "]" && --square < 0) return false;
  }
  return round === 0 && square === 0;
}

/**
 * Whether a Latin/digit token glued into Chinese text is injected junk (`2Iu`, `zTB`, `LsMq&a-j2`, `6lr<`) rather
 * than a number, a number with its unit, an acronym (`GDP`, `PM2.5`, `5G`, `R&D`), a word or a known term. Tokens
 * without a lower-case letter are never junk, unless they carry symbols no term has: keep the rule conservative.
 */
export function isJunkToken(token: string): boolean {
  const core = token.replace(EDGE_PUNCTUATION, "");
  if (!/[A-Za-z]/.test(core)) return false;
  if (URL_LIKE.test(core) || ALLOWED_TERMS.has(core.toLowerCase())) return false;
  if (JUNK_SYMBOL.test(core) || !balanced(core)) return true;
  return !core.split(/[-&./_+'!%=@()[\]]/).every(legitPart);
}

// ---------------------------------------------------------------------------------------------------------------
// Small tables of the rules.

/** Tone-marked vowels and ü of converter pinyin (`區(qū)`). */
const PINYIN_TONE = new Uint8Array(0x200);
for (const ch of "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ") PINYIN_TONE[ch.charCodeAt(0)] = 1;
const U_UMLAUT = "ü".charCodeAt(0);
/** After these a footnote marker is one (`“四不两优先”[8]`); elsewhere `[8]` may be a list number. */
const FOOTNOTED = new Set([...'”"」）)'].map((ch) => ch.charCodeAt(0)));
const FOOTNOTE_CLOSE: Record<number, number> = { 91: 0x5d, 65339: 0xff3d, 12308: 0x3015 };
/** Brackets of transcript timestamps and speaker tags (`[09:05]`, `【09:05】`, `[温家宝]:`). */
const TAG_CLOSE: Record<number, number> = { 91: 0x5d, 12304: 0x3011, 40: 0x29, 65288: 0xff09 };
/** Words of gambling-site spam that follow a Latin+digit tag (`凯发k8国际`). */
const SPAM_WORDS = ["国际", "娱乐", "官网", "体育", "平台", "登录", "官方"].map((w) => [
  w.charCodeAt(0),
  w.charCodeAt(1),
]);
/**
 * After a decimal point written `。` (`6。5%`), what must follow the fraction for it to be one: a sentence that ends
 * with a number and a next one that starts with one (`缩小至2.54。30个县`) must stay apart.
 */
const AFTER_FRACTION = new Set([..."%‰亿万千倍元"].map((ch) => ch.charCodeAt(0)));
const PERCENT_POINTS = [..."个百分点"].map((ch) => ch.charCodeAt(0));
/** What may follow a number split from it by a line end: a bare number line before these is part of a figure. */
const FIGURE_CONTINUES = new Set(
  [..."%‰.万萬亿億千元个個家人项項户戶倍年月日号號次座所台辆輛吨噸米亩畝多余餘"].map((ch) => ch.charCodeAt(0)),
);
const DASHES = new Set([..."-－—–―‒~～"].map((ch) => ch.charCodeAt(0)));
/** Marks that start a list item or heading: such lines are left out of the line-width statistics. */
const LIST_MARKS = new Set([..."■●◆▲★·•※□○◇◎►▶-—*"].map((ch) => ch.charCodeAt(0)));
const OPENS_PHRASE = new Set([..."“《（("].map((ch) => ch.charCodeAt(0)));
const CLOSES_PHRASE = new Set([..."”》）)"].map((ch) => ch.charCodeAt(0)));

const CHAR_DI = "第".charCodeAt(0);
const CHAR_GONG = "共".charCodeAt(0);
const CHAR_YE = "页".charCodeAt(0);
const CHAR_YE_TRAD = "頁".charCodeAt(0);
const FULL_STOP = 0x3002;
const FULL_WIDTH_POINT = 0xff0e;
const QUESTION = 0x3f;
const ZWSP = 0x200b;

// ---------------------------------------------------------------------------------------------------------------
// Hard-wrapped text: many lines of about the same width that end without punctuation.

/** A line is counted in the wrap statistics from this display width (CJK = 2, ASCII = 1): 20 Chinese characters. */
const MIN_WRAP_WIDTH = 40;
const FULL_LINE_MIN = 0.85;
const FULL_LINE_MAX = 1.0;
/** Width share of the wrap width from which a line that ends without punctuation was cut by wrapping. */
const CUT_LINE_MIN = 0.7;
const CUT_LINE_MAX = 1.15;
const MIN_FULL_LINES = 8;
const MIN_FULL_SHARE = 0.45;
const MIN_UNTERMINATED_SHARE = 0.6;

enum Break {
  /** Nothing between the last character kept and the next. */
  None = 0,
  /** A line break: kept or joined, decided when the next character is kept. */
  Line = 1,
}

class Normalizer {
  private readonly text: string;
  private readonly sourceOrigin: Int32Array;
  private readonly out: MappedTextWriter;
  private readonly t2s: TraditionalToSimplified;

  private lineStarts: number[] = [];
  private lineEnds: number[] = [];
  /** Display widths of the lines, measured only when the line lengths allow hard wrapping. */
  private lineWidths: number[] = [];
  /** Width of a full line when the text is hard-wrapped, else 0. */
  private wrapWidth = 0;

  /** The current line's converted text (when opencc converted it whole), and where it starts in the source. */
  private lineText: string | null = null;
  private lineBase = 0;
  /** Convert the current line character by character (a phrase rule changed its length). */
  private perCharacter = false;

  private pendingSpace = false;
  private spaceAt = 0;
  private pendingBreak: Break = Break.None;
  private breakAt = 0;
  /** Line terminators since the last line that kept something (a zero-width-space line takes one away). */
  private newlines = 0;
  private lastLineCut = false;
  private lineHasContent = false;
  /** Length of the output when the current line started. */
  private lineStartLength = 0;
  /** Source offset after the last character kept. */
  private lastSourceEnd = 0;

  constructor(source: MappedText) {
    this.text = source.text;
    this.sourceOrigin = source.origin;
    this.out = new MappedTextWriter(source.text.length + 16);
    this.t2s = openccTraditional();
  }

  run(): MappedText {
    this.scanLines();
    const count = this.lineStarts.length;
    for (let line = 0; line < count; line++) this.line(line);
    const end =
      this.out.length === 0
        ? (this.sourceOrigin[this.text.length] ?? 0)
        : (this.sourceOrigin[this.lastSourceEnd] ?? this.sourceOrigin[this.text.length] ?? 0);
    return this.out.build(end);
  }

  // ----- pre-scan: lines, their widths and whether they hold traditional characters

  private scanLines(): void {
    const { text } = this;
    const length = text.length;
    const crlf = text.indexOf("\r") >= 0;
    let start = 0;
    let candidates = 0;
    let nonEmpty = 0;
    for (;;) {
      let end: number;
      if (crlf) {
        end = start;
        while (end < length && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++;
      } else {
        end = text.indexOf("\n", start);
        if (end < 0) end = length;
      }
      this.lineStarts.push(start);
      this.lineEnds.push(end);
      const chars = end - start;
      if (chars > 0) nonEmpty++;
      // A wrapped line is 20 to about 60 characters wide (measured properly below, only if enough lines qualify).
      if (chars >= MIN_WRAP_WIDTH / 2 && chars <= 130) candidates++;
      if (end >= length) break;
      start = end + (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? 2 : 1);
    }
    if (candidates >= MIN_FULL_LINES && candidates >= nonEmpty * MIN_FULL_SHARE) {
      for (let line = 0; line < this.lineStarts.length; line++) this.lineWidths.push(this.width(line));
      this.wrapWidth = this.detectWrapWidth();
    }
  }

  /** Display width of a line: a Chinese or full-width character counts 2, ASCII 1, spaces nothing. */
  private width(line: number): number {
    const end = this.lineEnds[line] as number;
    let width = 0;
    for (let i = this.lineStarts[line] as number; i < end; i++) {
      const code = this.text.charCodeAt(i);
      if (((CLASS[code] as number) & (SPACE | INVISIBLE)) === 0) width += code < 0x2000 ? 1 : 2;
    }
    return width;
  }

  /**
   * The width at which the text was hard-wrapped, or 0 for paragraphs. Hard-wrapped text (a PDF or DOCX flattened
   * line by line) has many lines within a few characters of one width, most of which end without punctuation;
   * paragraphs have lines of every length that end with a full stop, and a list has short lines.
   */
  private detectWrapWidth(): number {
    const widths: number[] = [];
    const ends: number[] = [];
    for (let line = 0; line < this.lineStarts.length; line++) {
      const width = this.lineWidths[line] as number;
      if (width === 0) continue;
      const first = this.firstCode(line);
      if (LIST_MARKS.has(first)) continue;
      widths.push(width);
      ends.push(this.lastCode(line));
    }
    if (widths.length < MIN_FULL_LINES) return 0;
    const sorted = Float64Array.from(widths).sort();
    let best = 0;
    let bestWidth = 0;
    let low = 0;
    for (let high = 0; high < sorted.length; high++) {
      const width = sorted[high] as number;
      while ((sorted[low] as number) < width * FULL_LINE_MIN) low++;
      if (width >= MIN_WRAP_WIDTH && high - low + 1 >= best) {
        best = high - low + 1;
        bestWidth = width;
      }
    }
    if (best < MIN_FULL_LINES || best < widths.length * MIN_FULL_SHARE) return 0;
    let full = 0;
    let unterminated = 0;
    for (let i = 0; i < widths.length; i++) {
      const width = widths[i] as number;
      if (width < bestWidth * FULL_LINE_MIN || width > bestWidth * FULL_LINE_MAX) continue;
      full++;
      if (!is(ends[i] as number, TERMINAL)) unterminated++;
    }
    return unterminated >= full * MIN_UNTERMINATED_SHARE ? bestWidth : 0;
  }

  private firstCode(line: number): number {
    const end = this.lineEnds[line] as number;
    for (let i = this.lineStarts[line] as number; i < end; i++) {
      const code = this.text.charCodeAt(i);
      if (((CLASS[code] as number) & (SPACE | INVISIBLE)) === 0) return code;
    }
    return -1;
  }

  private lastCode(line: number): number {
    const start = this.lineStarts[line] as number;
    for (let i = (this.lineEnds[line] as number) - 1; i >= start; i--) {
      const code = this.text.charCodeAt(i);
      if (((CLASS[code] as number) & (SPACE | INVISIBLE)) === 0) return code;
    }
    return -1;
  }

  // ----- reading the source: converted and folded

  /** Read the current line converted by opencc (it holds a traditional character). */
  private convertLine(line: number): void {
    const start = this.lineStarts[line] as number;
    const end = this.lineEnds[line] as number;
    const original = this.text.slice(start, end);
    const converted = this.t2s.convert(original);
    if (converted.length === original.length) {
      this.lineText = converted;
      this.lineBase = start;
    } else {
      this.perCharacter = true;
    }
  }

  /** The code unit at source offset `i` of the current line, converted to simplified and folded to half width. */
  private at(i: number, end: number): number {
    if (i >= end) return -1;
    let code = this.lineText !== null ? this.lineText.charCodeAt(i - this.lineBase) : this.text.charCodeAt(i);
    if (this.perCharacter) code = (this.t2s.simplified[code] as number) || code;
    return fold(code);
  }

  // ----- writing

  /** Keep `code` from source offset `at`, after the space or line break pending before it. */
  private emit(code: number, at: number): void {
    const out = this.out;
    if (this.pendingBreak === Break.Line) {
      if (out.length > 0 && !this.joins(out.last(), code)) out.push(0x0a, this.sourceOrigin[this.breakAt] as number);
      this.pendingBreak = Break.None;
    } else if (this.pendingSpace && keepsSpace(out.last(), code)) {
      out.push(0x20, this.sourceOrigin[this.spaceAt] as number);
    }
    this.pendingSpace = false;
    out.push(code, this.sourceOrigin[at] as number);
    this.lastSourceEnd = at + 1;
    this.lineHasContent = true;
  }

  /**
   * Whether a line break between `before` and `after` is not one: it cuts a phrase (after an opening bracket,
   * before a closing one, inside a number or figure: `74.4⏎万亿元`, `1⏎2248元`), or it was made by hard wrapping
   * (a line cut at the wrap width, without punctuation at its end).
   */
  private joins(before: number, after: number): boolean {
    if (OPENS_PHRASE.has(before) || CLOSES_PHRASE.has(after)) return true;
    if (
      (isDigit(before) || before === 0x2e || isLetter(before)) &&
      (isDigit(after) || after === 0x25 || is(after, CJK))
    ) {
      return true;
    }
    return this.lastLineCut && !is(before, TERMINAL);
  }

  // ----- lines

  private line(line: number): void {
    this.lineText = null;
    this.perCharacter = false;
    const rawStart = this.lineStarts[line] as number;
    const rawEnd = this.lineEnds[line] as number;
    let start = rawStart;
    let end = rawEnd;
    while (start < end && is(this.at(start, end), SPACE | INVISIBLE)) start++;
    while (end > start && is(this.at(end - 1, end), SPACE | INVISIBLE)) end--;

    if (start === end) {
      if (this.holdsZeroWidthSpace(rawStart, rawEnd)) {
        // A page break of the wiki source: a zero-width space alone on a line inside a sentence joins its neighbours.
        if (this.newlines > 0) this.newlines--;
        this.updatePendingBreak();
        return;
      }
      this.lineEnded(rawEnd);
      return;
    }

    start = this.skipLineTags(start, end);
    end = this.trimLineTags(start, end);
    if (start >= end || this.isPageNumberLine(start, end, line) || this.isJunkLine(start, end)) {
      this.lineEnded(rawEnd);
      return;
    }

    const width = this.wrapWidth > 0 ? (this.lineWidths[line] as number) : 0;
    const cut = this.wrapWidth > 0 && width >= this.wrapWidth * CUT_LINE_MIN && width <= this.wrapWidth * CUT_LINE_MAX;
    const written = this.out.length;
    const { pendingBreak, pendingSpace, spaceAt, lastSourceEnd } = this;
    this.lineHasContent = false;
    this.lineStartLength = written;
    if (!this.characters(start, end)) {
      // A traditional character: read the line again, converted (most lines of most texts have none).
      this.out.truncate(written);
      Object.assign(this, { pendingBreak, pendingSpace, spaceAt, lastSourceEnd });
      this.lineHasContent = false;
      this.convertLine(line);
      this.characters(start, end);
    }
    if (this.lineHasContent) {
      this.newlines = 0;
      this.breakAt = rawEnd;
      this.lastLineCut = cut;
    }
    this.lineEnded(rawEnd);
  }

  private holdsZeroWidthSpace(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.text.charCodeAt(i) === ZWSP) return true;
    return false;
  }

  private lineEnded(rawEnd: number): void {
    this.pendingSpace = false;
    if (rawEnd < this.text.length) {
      if (this.newlines === 0) this.breakAt = rawEnd;
      this.newlines++;
    }
    this.updatePendingBreak();
  }

  private updatePendingBreak(): void {
    this.pendingBreak = this.newlines > 0 ? Break.Line : Break.None;
  }

  /** Transcript timestamps and speaker tags at the start of a line: `[09:05]`, `【09:05】`, `[温家宝]:`. */
  private skipLineTags(start: number, end: number): number {
    let i = start;
    for (;;) {
      const after = this.timestampEnd(i, end) ?? this.speakerTagEnd(i, end);
      if (after === null) return i;
      i = after;
      while (i < end && is(this.at(i, end), SPACE | INVISIBLE)) i++;
    }
  }

  /** Transcript timestamps at the end of a line: `…提出意见。 [09:05]`. */
  private trimLineTags(start: number, end: number): number {
    let e = end;
    for (;;) {
      const close = this.at(e - 1, end);
      if (close !== 0x5d && close !== 0x3011 && close !== 0x29 && close !== 0xff09) return e;
      let open = -1;
      for (let i = e - 2; i >= Math.max(start, e - 12); i--) {
        if (TAG_CLOSE[this.at(i, end)] === close) {
          open = i;
          break;
        }
      }
      if (open < 0 || this.timestampEnd(open, e) !== e) return e;
      e = open;
      while (e > start && is(this.at(e - 1, end), SPACE | INVISIBLE)) e--;
    }
  }

  /** `[09:05]`, `【9:05:30】`, `(09：05)` starting at `i`: the offset after it, or null. */
  private timestampEnd(i: number, end: number): number | null {
    const close = TAG_CLOSE[this.at(i, end)];
    if (close === undefined) return null;
    let j = i + 1;
    let groups = 0;
    for (;;) {
      let digits = 0;
      while (isDigit(this.at(j, end))) {
        j++;
        digits++;
      }
      if (digits < 1 || digits > 2) return null;
      groups++;
      const code = this.at(j, end);
      if (code === close) return groups >= 2 ? j + 1 : null;
      if (code !== 0x3a && code !== 0xff1a) return null;
      j++;
    }
  }

  /** `[温家宝]:`, `【主持人】：` starting at `i`: the offset after it, or null. */
  private speakerTagEnd(i: number, end: number): number | null {
    const close = TAG_CLOSE[this.at(i, end)];
    if (close === undefined) return null;
    let j = i + 1;
    while (j < end && j - i <= 8 && (is(this.at(j, end), CJK) || this.at(j, end) === 0xb7)) j++;
    if (j - i < 2 || this.at(j, end) !== close) return null;
    const colon = this.at(j + 1, end);
    return colon === 0x3a || colon === 0xff1a ? j + 2 : null;
  }

  /**
   * A page number on a line of its own: `- 3 -`, `—3—`, `第3页`, `第1页共18页`, or a bare number that does not
   * continue into a figure on the next line (`1400⏎亿元` is a figure, not a page).
   */
  private isPageNumberLine(start: number, end: number, line: number): boolean {
    let digits = 0;
    let dashesBefore = 0;
    let dashesAfter = 0;
    let other = 0;
    let pages = 0;
    if (end - start > 24) return false;
    for (let i = start; i < end; i++) {
      const code = this.at(i, end);
      if (isDigit(code)) digits++;
      else if (DASHES.has(code)) {
        if (digits === 0) dashesBefore++;
        else dashesAfter++;
      } else if (code === CHAR_DI || code === CHAR_GONG || code === CHAR_YE || code === CHAR_YE_TRAD) pages++;
      else if (!is(code, SPACE | INVISIBLE) && code !== 0x2c && code !== 0xff0c && code !== 0x2f) other++;
    }
    if (other > 0 || digits === 0 || digits > 8) return false;
    if (pages > 0) return dashesBefore + dashesAfter === 0 && this.isPageMarker(start, end) === end;
    if (dashesBefore > 0 && dashesAfter > 0) return digits <= 4;
    if (dashesBefore > 0 || dashesAfter > 0 || digits > 3) return false;
    // After a Latin letter or a figure it is part of a term or a number (`M⏎2⏎增长`, `230.⏎4`).
    const before = this.out.last();
    if (is(before, WORD) || before === 0x2e) return false;
    const next = this.nextLineFirstCode(line);
    return !(isDigit(next) || isLetter(next) || FIGURE_CONTINUES.has(next));
  }

  /** A line that is one spam token alone (`{k7Nw`): the injector's lines between a report's lines. */
  private isJunkLine(start: number, end: number): boolean {
    if (end - start > 16) return false;
    for (let i = start; i < end; i++) {
      const code = this.at(i, end);
      if (code <= 0x20 || code >= 0x7f) return false;
    }
    return isJunkToken(this.slice(start, end, end));
  }

  private nextLineFirstCode(line: number): number {
    for (let next = line + 1; next < this.lineStarts.length; next++) {
      const code = this.firstCode(next);
      if (code >= 0 && code !== ZWSP) return fold(code);
    }
    return -1;
  }

  /** `第1页共18页`, `共18页第1页`, `第3页` starting at `i`: the offset after it, else -1. */
  private isPageMarker(i: number, end: number): number {
    const first = this.pageCount(i, end, this.at(i, end));
    if (first < 0) return -1;
    const code = this.at(first, end);
    const other = code === CHAR_DI ? CHAR_GONG : code === CHAR_GONG ? CHAR_DI : -1;
    if (other < 0 || this.at(i, end) === code) return first;
    const second = this.pageCount(first, end, code);
    return second < 0 ? first : second;
  }

  /** `第3页` / `共18页` at `i` (with the given first character): the offset after it, else -1. */
  private pageCount(i: number, end: number, word: number): number {
    if (this.at(i, end) !== word || (word !== CHAR_DI && word !== CHAR_GONG)) return -1;
    let j = i + 1;
    while (is(this.at(j, end), SPACE)) j++;
    const digitsStart = j;
    while (isDigit(this.at(j, end))) j++;
    if (j === digitsStart || j - digitsStart > 4) return -1;
    while (is(this.at(j, end), SPACE)) j++;
    const ye = this.at(j, end);
    return ye === CHAR_YE || ye === CHAR_YE_TRAD ? j + 1 : -1;
  }

  // ----- characters

  /** Read characters `start`..`end` of the current line; false when the line must be read converted first. */
  private characters(start: number, end: number): boolean {
    const out = this.out;
    const origin = this.sourceOrigin;
    const source = this.lineText ?? this.text;
    const base = this.lineText !== null ? this.lineBase : 0;
    const perCharacter = this.perCharacter;
    const converted = perCharacter || this.lineText !== null;
    let i = start;
    while (i < end) {
      const code = this.at(i, end);
      const kind = CLASS[code] as number;
      if ((kind & TRADITIONAL) !== 0 && !converted) return false;
      if ((kind & (SPACE | INVISIBLE | RULE)) === 0) {
        if (!perCharacter && !this.pendingSpace && this.pendingBreak === Break.None) {
          // The common case: a run of characters no rule concerns, copied as they are (folded).
          let next = code;
          do {
            out.push(next, origin[i] as number);
            i++;
            if (i >= end) break;
            next = source.charCodeAt(i - base);
            if (next >= 0xff05 && next <= 0xff5a) next = fold(next);
          } while (((CLASS[next] as number) & SPECIAL) === 0);
          this.lastSourceEnd = i;
          this.lineHasContent = true;
          continue;
        }
        if (perCharacter) {
          const long = this.t2s.simplifiedLong.get(this.text.charCodeAt(i));
          if (long !== undefined) {
            for (let k = 0; k < long.length; k++) this.emit(long.charCodeAt(k), i);
            i++;
            continue;
          }
        }
        this.emit(code, i);
        i++;
      } else if (kind & INVISIBLE) {
        i++;
      } else if (kind & SPACE) {
        if (!this.pendingSpace) {
          this.pendingSpace = true;
          this.spaceAt = i;
        }
        i++;
      } else {
        i = this.rule(code, i, end);
      }
    }
    return true;
  }

  /** Apply the rule `code` may start at `i`; returns the offset after what it consumed (or kept). */
  private rule(code: number, i: number, end: number): number {
    let next = -1;
    if (this.pendingSpace && code > 0x20 && code < 0x7f && this.afterChinese()) next = this.trailingJunk(i, end);
    if (next > i) return next;
    if (code === 0x28 || code === 0xff08) next = this.pinyinAnnotation(i, end);
    else if (code === 0x5b || code === 0xff3b || code === 0x3014) next = this.footnoteMarker(i, end);
    else if (code === CHAR_DI || code === CHAR_GONG) next = this.inlinePageMarker(i, end);
    else if (code === FULL_STOP || code === FULL_WIDTH_POINT) next = this.decimalPoint(code, i, end);
    else if (code === QUESTION) next = this.questionMarks(i, end);
    else if (is(code, TOKEN)) next = this.token(code, i, end);
    if (next > i) return next;
    this.emit(code, i);
    return i + 1;
  }

  /** Whether the character before `i` in the source was kept right before it (no space, no line start). */
  private glued(): boolean {
    return this.lineHasContent && !this.pendingSpace;
  }

  /**
   * A tone-marked pinyin syllable in brackets right after a character: `區(qū)`, `發（fā）` (after whatever character:
   * the converter sometimes garbled the character it annotated). Not after a space or another bracket.
   */
  private pinyinAnnotation(i: number, end: number): number {
    if (!this.glued()) return -1;
    const before = this.out.last();
    if (before === 0x28 || before === 0xff08) return -1;
    let j = i + 1;
    let toned = false;
    for (; ; j++) {
      const code = this.at(j, end);
      if (code >= 0x61 && code <= 0x7a) continue;
      if (code === U_UMLAUT) continue;
      if (code > 0 && code < 0x200 && PINYIN_TONE[code] === 1) {
        toned = true;
        continue;
      }
      break;
    }
    const close = this.at(j, end);
    return toned && (close === 0x29 || close === 0xff09) ? j + 1 : -1;
  }

  /** Footnote markers after a word or quotation: `“四不两优先”[8]`, `〔1〕`, `［1］`. */
  private footnoteMarker(i: number, end: number): number {
    if (!this.glued()) return -1;
    const before = this.out.last();
    if (!is(before, CJK) && !FOOTNOTED.has(before)) return -1;
    const close = FOOTNOTE_CLOSE[this.at(i, end)];
    let j = i + 1;
    while (isDigit(this.at(j, end))) j++;
    if (j === i + 1 || j - i - 1 > 3 || this.at(j, end) !== close) return -1;
    return j + 1;
  }

  /** Page markers run into the text: `第1页共18页`, `共18页第1页` (a lone `第3页` may be a reference: kept). */
  private inlinePageMarker(i: number, end: number): number {
    const after = this.isPageMarker(i, end);
    if (after < 0) return -1;
    let pages = 0;
    for (let j = i; j < after; j++) {
      const code = this.at(j, end);
      if (code === CHAR_YE || code === CHAR_YE_TRAD) pages++;
    }
    return pages === 2 ? after : -1;
  }

  /**
   * A full stop used as a decimal point between digits: `７．５` (full-width, always), `6。5%` (only when the
   * fraction is followed by a unit and the integer part is a plain number, so that `2.54。30个` stays two sentences).
   */
  private decimalPoint(code: number, i: number, end: number): number {
    if (!this.glued() || !isDigit(this.out.last()) || !isDigit(this.at(i + 1, end))) return -1;
    if (code === FULL_STOP) {
      let k = this.out.length - 1;
      while (isDigit(this.out.codeAt(k))) k--;
      const beforeNumber = this.out.codeAt(k);
      if (beforeNumber === 0x2e || beforeNumber === 0x3a || beforeNumber === 0xff1a || this.out.length - 1 - k > 6) {
        return -1;
      }
      let j = i + 1;
      while (isDigit(this.at(j, end))) j++;
      if (j - i - 1 > 3) return -1;
      const unit = this.at(j, end);
      const pointUnit = PERCENT_POINTS.every((ch, n) => this.at(j + n, end) === ch);
      if (!AFTER_FRACTION.has(unit) && !pointUnit) return -1;
    }
    this.emit(0x2e, i);
    return i + 1;
  }

  /**
   * Mojibake of a converter: `??h人民政府`, `?!拔宕蠡亍苯ㄔO`, `? ?` at a line start. A run of two or more `?`, or
   * one at a line start, or one followed by an ASCII trail byte glued to Chinese text, is dropped (with that trail
   * byte). A single `?` after Chinese text is a question mark (pages turn `？` into `?`); after Latin text or a
   * digit it is kept (URLs, ratios).
   */
  private questionMarks(i: number, end: number): number {
    let j = i;
    while (this.at(j, end) === QUESTION) j++;
    const atLineStart = !this.lineHasContent;
    const before = this.out.last();
    if (!atLineStart && (is(before, WORD) || before === 0x2f || before === 0x3d || before === 0x26)) return -1;
    const trail = this.at(j, end);
    const trailByte = trail > 0x20 && trail < 0x7f && !isDigit(trail) && trail !== 0x28 && trail !== 0x5b;
    const trailGlued = trailByte && is(this.at(j + 1, end), CJK);
    if (j - i >= 2 || atLineStart) return trailGlued ? j + 1 : j;
    return trailGlued && is(before, CJK | CJK_PUNCT) ? j + 1 : -1;
  }

  /**
   * A Latin/digit token. Injected spam (`凯发k8国际`, `2Iu`, `zTB`, `LsMq&a-j2` glued to Chinese text, or a run of
   * junk after Chinese text at a line end) is dropped; numbers, units, acronyms and known terms are kept as they are.
   */
  private token(code: number, i: number, end: number): number {
    const out = this.out;
    if (this.pendingSpace || !this.afterChinese()) return -1;
    const before = out.last();

    if (
      isLower(code) &&
      out.length - 2 >= this.lineStartLength &&
      is(before, CJK) &&
      is(out.codeAt(out.length - 2), CJK)
    ) {
      const spam = this.spamTag(i, end);
      if (spam > i) {
        out.truncate(out.length - 2);
        return spam;
      }
    }

    let j = i;
    let letters = false;
    while (j < end) {
      const c = this.at(j, end);
      if (!is(c, TOKEN)) break;
      if (isLetter(c)) letters = true;
      j++;
    }
    if (letters && isJunkToken(this.slice(i, j, end))) {
      // Keep the sentence punctuation that followed the junk.
      let k = j;
      while (k > i && EDGE_PUNCT_CODES.has(this.at(k - 1, end))) k--;
      for (let n = k; n < j; n++) this.emit(this.at(n, end), n);
      return j;
    }
    for (let n = i; n < j; n++) this.emit(this.at(n, end), n);
    return j;
  }

  /** Whether the last characters kept on this line are Chinese text, or ASCII punctuation right after it. */
  private afterChinese(): boolean {
    if (!this.lineHasContent) return false;
    const out = this.out;
    const before = out.last();
    if (is(before, CJK | CJK_PUNCT)) return true;
    const punctuation =
      before === 0x2c || before === 0x2e || before === 0x3b || before === 0x3a || before === 0x21 || before === 0x3f;
    return punctuation && is(out.codeAt(out.length - 2), CJK | CJK_PUNCT);
  }

  /** `k8国际` after two Chinese characters (`凯发k8国际`): the offset after the spam word, else -1. */
  private spamTag(i: number, end: number): number {
    let j = i;
    while (isLower(this.at(j, end)) && j - i < 2) j++;
    const digitsStart = j;
    while (isDigit(this.at(j, end)) && j - digitsStart < 3) j++;
    if (j === digitsStart) return -1;
    const first = this.at(j, end);
    const second = this.at(j + 1, end);
    return SPAM_WORDS.some(([a, b]) => a === first && b === second) ? j + 2 : -1;
  }

  /** After Chinese text and a space, the rest of the line in ASCII holding a junk token: dropped whole. */
  private trailingJunk(i: number, end: number): number {
    for (let j = i; j < end; j++) {
      const code = this.at(j, end);
      if (code >= 0x7f && !is(code, SPACE)) return -1;
    }
    const rest = this.slice(i, end, end);
    return rest.split(/\s+/).some((token) => token !== "" && isJunkToken(token)) ? end : -1;
  }

  private slice(start: number, stop: number, end: number): string {
    let token = "";
    for (let j = start; j < stop; j++) token += String.fromCharCode(this.at(j, end));
    return token;
  }
}

const EDGE_PUNCT_CODES = new Set([..."',.;:!?\""].map((ch) => ch.charCodeAt(0)));

/**
 * Horizontal whitespace means nothing in Chinese text (`政 府 工 作 报 告`, `1 9 9 8 年`): drop it, except a single
 * space between two Latin words or between a number and a Latin word.
 */
function keepsSpace(before: number, after: number): boolean {
  if (isLetter(before) && isLetter(after)) return true;
  return is(before, WORD) && is(after, WORD) && !(isDigit(before) && isDigit(after));
}

/** A year written in numerals (`二〇二二年`, `一九九八年`, `二0一二年`): one digit per character. */
const NUMERAL_YEAR = /(?:一九|二[〇零0Oo])[〇零0Oo一二三四五六七八九]{2}(?=年)/g;
const YEAR_DIGITS: Record<string, string> = {
  〇: "0",
  零: "0",
  "0": "0",
  O: "0",
  o: "0",
  一: "1",
  二: "2",
  三: "3",
  四: "4",
  五: "5",
  六: "6",
  七: "7",
  八: "8",
  九: "9",
};

export function normalizeText(original: MappedText): MappedText {
  const normalized = new Normalizer(original).run();
  // Years in numerals become digits character for character, so every rule that reads a year reads them too.
  return rewrite(normalized, NUMERAL_YEAR, (m) => [...m[0]].map((c) => YEAR_DIGITS[c] ?? c).join(""));
}

export function containsChinese(text: string): boolean {
  return CJK_CHAR.test(text);
}
