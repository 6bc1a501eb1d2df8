/**
 * Chinese numerals as reports write counts and figures: `两`, `三百`, `一千二百`, `十五`, `百` (as in `突破百亿`),
 * `四千一百七十` (as in `四千一百七十亿元`), and with a decimal point: `十一点五` (as in `百分之十一点五`), `零点五`,
 * `十二点八` (as in `十二点八万亿元`). `万` and `亿` inside a numeral are read (`一万六千七百七十`, as in
 * `一万六千七百七十亿元`); one that ends the numeral is left to the caller: reports keep it in the unit (`5.7万人`).
 */
const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const MULTIPLIERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export const CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千";
/**
 * One section of a numeral below ten thousand, as a regex: thousands, hundreds, tens, units in that order
 * (`四千一百七十`, `一百零五`, `十五`, `百`, `两`), so that a `千` starting a unit is left to it (`五千千瓦`).
 */
const D = "[一二两三四五六七八九]";
const SECTION = `(?:${D}?千(?:零?${D}?百)?(?:零?${D}?十)?(?:零?${D})?|${D}?百(?:零?${D}?十)?(?:零?${D})?|${D}?十${D}?|${D}|[零〇])`;
/** Digits alone, as written after the decimal point (`十一点五`, `三点〇五`). */
export const CHINESE_DIGIT_CHARS = "零〇一二三四五六七八九";
/** The decimal point of a numeral. */
export const CHINESE_DECIMAL_POINT = "点";
/**
 * A numeral as a regex: sections joined by `万` or `亿` (`一亿零六百`), with a decimal part (`十一点五`). A `万` or
 * `亿` after the last section is not part of it.
 */
export const CHINESE_NUMERAL_PATTERN = `${SECTION}(?:[万亿]零?${SECTION}){0,2}(?:${CHINESE_DECIMAL_POINT}[${CHINESE_DIGIT_CHARS}]{1,6})?`;

/** Value of a numeral below ten thousand, possibly with a decimal part (`十一点五`), or null when `text` is not one. */
export function parseChineseNumeral(text: string): number | null {
  const point = text.indexOf(CHINESE_DECIMAL_POINT);
  if (point < 0) return parseInteger(text);
  const whole = parseInteger(text.slice(0, point));
  const fraction = decimalDigits(text.slice(point + 1));
  return whole === null || fraction === null ? null : Number(`${whole}.${fraction}`);
}

/** `五` → "5", `〇五` → "05": the digits after a decimal point, one by one; null unless all are digits. */
function decimalDigits(text: string): string | null {
  if (text.length === 0) return null;
  let digits = "";
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d === undefined || ch === "两") return null;
    digits += d;
  }
  return digits;
}

/** `四千一百七十` → 4170, `一万六千七百七十` → 16770, `一亿零六百` → 100000600: sections closed by `万` and `亿`. */
function parseInteger(text: string): number | null {
  if (text.length === 0) return null;
  let total = 0; // everything closed by 亿
  let tenThousands = 0; // the section closed by 万 since
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== null && digit !== 0) return null; // two digits in a row (`二三`) is not a number
      digit = d;
      continue;
    }
    const multiplier = MULTIPLIERS[ch];
    if (multiplier !== undefined) {
      section += (digit ?? 1) * multiplier;
    } else if (ch === "万") {
      tenThousands += (section + (digit ?? 0)) * 1e4;
      section = 0;
    } else if (ch === "亿") {
      total = (total + tenThousands + section + (digit ?? 0)) * 1e8;
      tenThousands = 0;
      section = 0;
    } else {
      return null;
    }
    digit = null;
  }
  return total + tenThousands + section + (digit ?? 0);
}
