/**
 * Normalisation: the text every later stage reads. Each step is a mapped rewrite, so offsets in the normalised text
 * still lead back to the original (see MappedText). Order matters: soft line breaks are joined before invisible
 * characters go, pinyin is dropped after traditional characters are converted, whitespace is unified last.
 */
import { ConverterFactory } from "opencc-js/core";
import * as OpenCCLocale from "opencc-js/preset";
import { type MappedText, MappedTextBuilder, rewrite } from "./mapped-text";

const CJK = "\\u3400-\\u9fff\\uf900-\\ufaff";
const CJK_CHAR = new RegExp(`[${CJK}]`);

/** Page-break artefacts of the national corpus: a zero-width space alone on a line inside a sentence. */
const SOFT_PAGE_BREAK = /[ \t]*\n[ \t\u3000]*\u200b[ \t\u3000]*\n[ \t\u3000]*/g;
const INVISIBLES = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/**
 * A tone-marked pinyin syllable in brackets right after a character: `區(qū)`, `發（fā）` (after whatever character:
 * the converter sometimes garbled the character it annotated).
 */
const PINYIN_ANNOTATION = /[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]/g;
const NOT_ANNOTATED = /[\s(（]/;
const FULL_WIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ％]/g;
/** A full-width full stop used as a decimal point: `77．7`. */
const FULL_WIDTH_DECIMAL_POINT = /(?<=[0-9])．(?=[0-9])/g;
/** Footnote markers after a word or quotation: `“四不两优先”[8]`. */
const FOOTNOTE_MARKER = /\[\d{1,3}\]|［\d{1,3}］|〔\d{1,3}〕/g;
const FOOTNOTED = new RegExp(`[${CJK}”"」）)]`);
/**
 * Injected SEO spam: a two-character brand, a short Latin+digit tag and a gambling-site word, dropped into the middle
 * of a sentence (`凯发k8国际`). Legitimate text never glues such a tag between Chinese words.
 */
const SPAM_TOKEN = new RegExp(`[${CJK}]{2}[a-z]{1,2}\\d{1,3}(?:国际|娱乐|官网|体育|平台|登录|官方)`, "g");
const LINE_BREAKS = /\r\n?/g;
const HORIZONTAL_SPACE = /[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;
/**
 * Line breaks that cut a phrase in two (links of the wiki source: `“\n十三五\n”`, `74.4\n万亿元`, `M\n2\n增长`):
 * after an opening bracket or inside a number or figure, and before a closing bracket.
 */
const LINE_BREAK_RUN = /\n+/g;
const OPENS_PHRASE = /[“《（(]/;
const CLOSES_PHRASE = /[”》）)]/;
const FIGURE_BEFORE_BREAK = /[0-9.A-Za-z]/;
const FIGURE_AFTER_BREAK = new RegExp(`[0-9%${CJK}]`);

function breaksPhrase(before: string | undefined, after: string | undefined): boolean {
  if (before === undefined || after === undefined) return false;
  return (
    OPENS_PHRASE.test(before) ||
    CLOSES_PHRASE.test(after) ||
    (FIGURE_BEFORE_BREAK.test(before) && FIGURE_AFTER_BREAK.test(after))
  );
}

const BLANK_LINES = /\n{2,}/g;

interface TraditionalToSimplified {
  convert: (text: string) => string;
  /** Flags the UTF-16 code units opencc converts, for a fast scan of text that has none. */
  isTraditional: Uint8Array;
}

let traditionalToSimplified: TraditionalToSimplified | null = null;

/** opencc's traditional→simplified converter and the characters it converts (built once, on first use). */
function openccTraditional(): TraditionalToSimplified {
  if (!traditionalToSimplified) {
    const dictGroups = OpenCCLocale.to.cn ?? [];
    const isTraditional = new Uint8Array(0x10000);
    for (const group of dictGroups) {
      for (const dict of group) {
        const entries = typeof dict === "string" ? dict.split("|").map((pair) => pair.split(" ")) : dict;
        for (const [from] of entries) if (from && from.length === 1) isTraditional[from.charCodeAt(0)] = 1;
      }
    }
    traditionalToSimplified = { convert: ConverterFactory(dictGroups), isTraditional };
  }
  return traditionalToSimplified;
}

function hasTraditional(text: string, start: number, end: number, isTraditional: Uint8Array): boolean {
  for (let i = start; i < end; i++) if (isTraditional[text.charCodeAt(i)] === 1) return true;
  return false;
}

/** Convert traditional characters to simplified, line by line and only where a line holds one (most text has none). */
function toSimplified(source: MappedText): MappedText {
  const { convert, isTraditional } = openccTraditional();
  const text = source.text;
  let builder: MappedTextBuilder | null = null;
  let cursor = 0;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (hasTraditional(text, lineStart, lineEnd, isTraditional)) {
      builder ??= new MappedTextBuilder(source);
      builder.keep(cursor, lineStart);
      const line = text.slice(lineStart, lineEnd);
      const converted = convert(line);
      if (converted.length === line.length) {
        builder.replace(lineStart, lineEnd, converted);
      } else {
        // A phrase rule changed the length: convert character by character to keep each character's origin.
        for (let i = lineStart; i < lineEnd; i++) builder.replace(i, i + 1, convert(text[i] as string));
      }
      cursor = lineEnd;
    }
    lineStart = lineEnd + 1;
  }
  if (!builder) return source;
  builder.keep(cursor, text.length);
  return builder.build();
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[0-9A-Za-z]/.test(ch);
}

/**
 * Horizontal whitespace means nothing in Chinese text (`政 府 工 作 报 告`, `1 9 9 8 年`): drop it, except a single
 * space between two Latin words or numbers written apart from a Latin word.
 */
function unifySpaces(source: MappedText): MappedText {
  const text = source.text;
  return rewrite(source, HORIZONTAL_SPACE, (match) => {
    const before = text[match.index - 1];
    const after = text[match.index + match[0].length];
    if (before === undefined || after === undefined || before === "\n" || after === "\n") return "";
    if (/[A-Za-z]/.test(before) && /[A-Za-z]/.test(after)) return " ";
    if (isWordChar(before) && isWordChar(after) && !(/[0-9]/.test(before) && /[0-9]/.test(after))) return " ";
    return "";
  });
}

function trimEnds(source: MappedText): MappedText {
  const text = source.text;
  let start = 0;
  let end = text.length;
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return start === 0 && end === text.length ? source : source.slice(start, end);
}

/** Full-width digits, Latin letters and `％` become their ASCII forms (one character each, so offsets keep). */
function foldFullWidth(char: string): string {
  return String.fromCharCode((char.codePointAt(0) ?? 0) - 0xfee0);
}

export function normalizeText(original: MappedText): MappedText {
  let text = rewrite(original, LINE_BREAKS, () => "\n");
  text = rewrite(text, SOFT_PAGE_BREAK, () => "");
  text = rewrite(text, INVISIBLES, () => "");
  text = toSimplified(text);
  const converted = text.text;
  text = rewrite(text, PINYIN_ANNOTATION, (m) => (NOT_ANNOTATED.test(converted[m.index - 1] ?? " ") ? m[0] : ""));
  text = rewrite(text, FULL_WIDTH_ALNUM, (m) => foldFullWidth(m[0]));
  text = rewrite(text, FULL_WIDTH_DECIMAL_POINT, () => ".");
  const folded = text.text;
  text = rewrite(text, FOOTNOTE_MARKER, (m) => (FOOTNOTED.test(folded[m.index - 1] ?? "") ? "" : m[0]));
  text = rewrite(text, SPAM_TOKEN, () => "");
  text = unifySpaces(text);
  const spaced = text.text;
  text = rewrite(text, LINE_BREAK_RUN, (m) =>
    breaksPhrase(spaced[m.index - 1], spaced[m.index + m[0].length]) ? "" : m[0],
  );
  text = rewrite(text, BLANK_LINES, () => "\n");
  return trimEnds(text);
}

export function containsChinese(text: string): boolean {
  return CJK_CHAR.test(text);
}
