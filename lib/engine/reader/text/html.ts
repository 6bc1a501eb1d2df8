/**
 * HTML → text, keeping for every character its offset in the HTML source. Block elements become line breaks;
 * scripts, styles and page chrome (navigation, header, footer, forms) are dropped.
 */
import { Parser } from "htmlparser2";
import { MappedText } from "./mapped-text";

/** Elements that start a new line of text. */
const BLOCK_ELEMENTS = new Set(
  (
    "address article aside blockquote br dd div dl dt figcaption footer h1 h2 h3 h4 h5 h6 header hr li main ol p " +
    "pre section table td th title tr ul"
  ).split(" "),
);

/** Elements whose text is never report text. */
const SKIPPED_ELEMENTS = new Set(
  "button footer form header iframe nav noscript object script select style svg template textarea".split(" "),
);

/** Whether bytes decoded as text look like an HTML page (for files without an .html extension). */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text.slice(0, 1024));
}

/** The page's text: block elements end lines, skipped elements vanish, each character keeps its source offset. */
export function htmlToText(html: string): MappedText {
  const chars: string[] = [];
  const origins: number[] = [];
  let skipDepth = 0;

  const newline = (at: number) => {
    if (chars.length > 0 && chars[chars.length - 1] !== "\n") {
      chars.push("\n");
      origins.push(at);
    }
  };

  const parser: Parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED_ELEMENTS.has(name)) skipDepth++;
        if (BLOCK_ELEMENTS.has(name)) newline(parser.startIndex);
      },
      onclosetag(name) {
        if (SKIPPED_ELEMENTS.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        if (BLOCK_ELEMENTS.has(name)) newline(parser.startIndex);
      },
      ontext(data) {
        if (skipDepth > 0) return;
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        // Plain text maps character for character; a decoded entity (`&nbsp;`) maps to where it starts.
        const oneToOne = data.length === end - start;
        for (let i = 0; i < data.length; i++) {
          chars.push(data[i] as string);
          origins.push(oneToOne ? start + i : start);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();

  const origin = new Int32Array(origins.length + 1);
  origin.set(origins);
  origin[origins.length] = html.length;
  return new MappedText(chars.join(""), origin);
}
