/**
 * Chinese numerals as reports write counts: `两`, `三百`, `一千二百`, `十五`, `百` (as in `突破百亿`). Magnitudes of
 * ten thousand and above (`万`, `亿`) are not parsed here: reports keep them in the unit (`5.7万人`).
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

/** Value of a numeral below ten thousand, or null when `text` is not one. */
export function parseChineseNumeral(text: string): number | null {
  if (text.length === 0) return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== null && digit !== 0) return null; // two digits in a row (`二三`) is not a number
      digit = d;
      continue;
    }
    const multiplier = MULTIPLIERS[ch];
    if (multiplier === undefined) return null;
    total += (digit ?? 1) * multiplier;
    digit = null;
  }
  return total + (digit ?? 0);
}
